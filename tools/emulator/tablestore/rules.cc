#include "emulator/tablestore/rules.h"

#include <string_view>

namespace delivery::emulator::ots {
namespace {

bool lowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

std::string at(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

// A string field that must be present and not empty; returns it when it is.
const std::string* requiredText(const Message& m, std::string_view name, const std::string& path,
                                std::vector<std::string>& out) {
  const std::string* s = m.string(name);
  if (s == nullptr) {
    out.push_back(at(path, name) + ": is required");
    return nullptr;
  }
  if (s->empty()) {
    out.push_back(at(path, name) + ": must not be empty");
    return nullptr;
  }
  return s;
}

void requiredNumber(const Message& m, std::string_view name, const std::string& path, std::vector<std::string>& out) {
  if (m.number(name) == nullptr) out.push_back(at(path, name) + ": is required");
}

const Message* requiredMessage(const Message& m, std::string_view name, const std::string& path,
                               std::vector<std::string>& out) {
  const Message* sub = m.message(name);
  if (sub == nullptr) out.push_back(at(path, name) + ": is required");
  return sub;
}

// Spec 6: 3-16 characters of [a-z0-9-], starting and ending with [a-z0-9]; up to 64 here (rules.h).
void checkNewTaskName(const std::string& name, std::vector<std::string>& out) {
  if (name.size() < kMinTaskNameLength || name.size() > kMaxTaskNameLength) {
    out.push_back("taskName: must be " + std::to_string(kMinTaskNameLength) + " to " +
                  std::to_string(kMaxTaskNameLength) + " characters long");
  }
  for (char c : name) {
    if (!lowerOrDigit(c) && c != '-') {
      out.push_back("taskName: may contain only lowercase letters, digits and '-'");
      break;
    }
  }
  if (!lowerOrDigit(name.front()) || !lowerOrDigit(name.back())) {
    out.push_back("taskName: must start and end with a lowercase letter or digit");
  }
}

// Spec 6: the prefix may use the time variables $yyyy, $MM, $dd, $HH and $mm.
void checkPrefix(const std::string& prefix, const std::string& path, std::vector<std::string>& out) {
  static constexpr std::string_view kVariables[] = {"yyyy", "MM", "dd", "HH", "mm"};
  for (std::size_t i = prefix.find('$'); i != std::string::npos; i = prefix.find('$', i + 1)) {
    const std::string_view rest = std::string_view(prefix).substr(i + 1);
    bool known = false;
    for (std::string_view v : kVariables) known = known || rest.substr(0, v.size()) == v;
    if (!known) {
      out.push_back(path + ": '$' at offset " + std::to_string(i) +
                    " does not start a time variable ($yyyy, $MM, $dd, $HH or $mm)");
    }
  }
}

// Spec 6: acs:ram::<account id>:role/<role name>.
void checkRoleArn(const std::string& arn, const std::string& path, std::vector<std::string>& out) {
  constexpr std::string_view kHead = "acs:ram::";
  constexpr std::string_view kRole = ":role/";
  const std::string_view s(arn);
  bool ok = s.substr(0, kHead.size()) == kHead;
  std::size_t i = kHead.size();
  const std::size_t digitsFrom = i;
  while (ok && i < s.size() && digit(s[i])) ++i;
  ok = ok && i > digitsFrom && s.substr(i, kRole.size()) == kRole && s.size() > i + kRole.size();
  if (!ok) out.push_back(path + ": must be a RAM role ARN, acs:ram::<account id>:role/<role name>");
}

void checkSchemaEntry(const Message& entry, const std::string& path, std::vector<std::string>& out) {
  requiredText(entry, "columnName", path, out);
  requiredText(entry, "ossColumnName", path, out);
  requiredNumber(entry, "type", path, out);
  requiredNumber(entry, "encode", path, out);
}

}  // namespace

void checkConfig(const Message& config, const std::string& path, std::vector<std::string>& out) {
  if (const std::string* prefix = requiredText(config, "ossPrefix", path, out)) checkPrefix(*prefix, at(path, "ossPrefix"), out);
  requiredText(config, "ossBucket", path, out);
  requiredText(config, "ossEndpoint", path, out);
  if (const std::string* role = requiredText(config, "ossStsRole", path, out)) checkRoleArn(*role, at(path, "ossStsRole"), out);
  if (const Message* event = config.message("eventTimeColumn")) {
    const std::string eventPath = at(path, "eventTimeColumn");
    requiredText(*event, "columnName", eventPath, out);
    requiredNumber(*event, "timeFormat", eventPath, out);
  }
  requiredNumber(config, "format", path, out);
  // formatter (an enum: any listed value, checked by the decoder) and ossDirtyPrefix are optional;
  // a dirty prefix that is sent names a place, so it is not empty (see rules.h).
  if (const std::string* dirty = config.string("ossDirtyPrefix"); dirty != nullptr && dirty->empty()) {
    out.push_back(at(path, "ossDirtyPrefix") + ": must not be empty");
  }
  const auto& schema = config.messages("schema");
  if (schema.empty()) out.push_back(at(path, "schema") + ": must list at least one column");
  for (std::size_t i = 0; i < schema.size(); ++i) {
    checkSchemaEntry(schema[i], at(path, "schema") + "[" + std::to_string(i) + "]", out);
  }
}

std::vector<std::string> checkCreate(const Message& request) {
  std::vector<std::string> out;
  requiredText(request, "tableName", "", out);
  if (const std::string* task = requiredText(request, "taskName", "", out)) checkNewTaskName(*task, out);
  if (const Message* config = requiredMessage(request, "taskConfig", "", out)) checkConfig(*config, "taskConfig", out);
  requiredNumber(request, "taskType", "", out);
  return out;
}

std::vector<std::string> checkUpdate(const Message& request) {
  std::vector<std::string> out;
  requiredText(request, "table", "", out);
  requiredText(request, "taskName", "", out);
  if (const Message* config = requiredMessage(request, "taskConfig", "", out)) checkConfig(*config, "taskConfig", out);
  return out;
}

std::vector<std::string> checkTableAndTask(const Message& request) {
  std::vector<std::string> out;
  requiredText(request, "tableName", "", out);
  requiredText(request, "taskName", "", out);
  return out;
}

std::vector<std::string> checkList(const Message& request) {
  std::vector<std::string> out;
  requiredText(request, "tableName", "", out);
  return out;
}

}  // namespace delivery::emulator::ots
