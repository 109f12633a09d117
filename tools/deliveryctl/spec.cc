#include "spec.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "delivery/dis/json.h"
#include "delivery/kafka/json.h"
#include "delivery/tablestore/json.h"

namespace deliveryctl {

namespace dis = delivery::dis;
namespace kafka = delivery::kafka;
namespace tablestore = delivery::tablestore;

const char* familyName(Family f) {
  switch (f) {
    case Family::Tablestore: return "tablestore";
    case Family::Dis: return "dis";
    case Family::Kafka: return "kafka";
    case Family::SmartConnect: return "smartconnect";
  }
  return "?";
}

bool familyFromName(const std::string& text, Family& out) {
  for (Family f : {Family::Tablestore, Family::Dis, Family::Kafka, Family::SmartConnect}) {
    if (text == familyName(f)) {
      out = f;
      return true;
    }
  }
  return false;
}

std::string Problem::toString() const {
  std::string out = file;
  if (line != 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!path.empty()) out += path + ": ";
  return out + message;
}

namespace {

// The in-situ parse of the file: keys point into `buffer`, so their lines can be found.
struct Parsed {
  std::string buffer;
  std::vector<std::size_t> lineStarts{0};
  rapidjson::Document doc;

  std::size_t lineOf(const char* p) const {
    if (p < buffer.data() || p >= buffer.data() + buffer.size()) return 0;
    const auto offset = static_cast<std::size_t>(p - buffer.data());
    return static_cast<std::size_t>(std::upper_bound(lineStarts.begin(), lineStarts.end(), offset) - lineStarts.begin());
  }
  std::size_t lineOfOffset(std::size_t offset) const {
    return static_cast<std::size_t>(std::upper_bound(lineStarts.begin(), lineStarts.end(), offset) - lineStarts.begin());
  }
};

// The line of the deepest member of `path` ("a.b[2].c", relative to `root`) that exists.
std::size_t lineOfPath(const Parsed& parsed, const rapidjson::Value& root, const std::string& path, std::size_t fallback) {
  const rapidjson::Value* at = &root;
  std::size_t line = fallback;
  std::size_t i = 0;
  while (i < path.size() && at != nullptr) {
    if (path[i] == '.') {
      ++i;
      continue;
    }
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string::npos || !at->IsArray()) break;
      const auto index = static_cast<rapidjson::SizeType>(std::stoul(path.substr(i + 1, close - i - 1)));
      if (index >= at->Size()) break;
      at = &(*at)[index];
      if (at->IsObject() && at->MemberCount() > 0) line = parsed.lineOf(at->MemberBegin()->name.GetString());
      i = close + 1;
      continue;
    }
    const std::size_t end = std::min(path.find_first_of(".[", i), path.size());
    const std::string key = path.substr(i, end - i);
    if (!at->IsObject()) break;
    auto m = at->FindMember(key.c_str());
    if (m == at->MemberEnd()) break;
    line = parsed.lineOf(m->name.GetString());
    at = &m->value;
    i = end;
  }
  return line;
}

// "... (line N)" at the end of a fromJson() message: split into the message and N.
void splitLine(std::string& message, std::size_t& line) {
  const std::size_t at = message.rfind(" (line ");
  if (at == std::string::npos || message.back() != ')') return;
  try {
    line = std::stoul(message.substr(at + 7, message.size() - at - 8));
    message.erase(at);
  } catch (...) {
  }
}

std::string text(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

}  // namespace

SpecFile parseSpec(const std::string& input, const std::string& file) {
  SpecFile out;
  auto problem = [&](std::size_t line, std::string path, std::string message) {
    out.problems.push_back(Problem{file, line, std::move(path), std::move(message)});
  };
  if (input.size() > kMaxSpecBytes) {
    problem(0, "", "is " + std::to_string(input.size()) + " bytes, more than the limit of " +
                       std::to_string(kMaxSpecBytes));
    return out;
  }
  if (input.find('\0') != std::string::npos) {
    problem(0, "", "contains a NUL byte: not a JSON text");
    return out;
  }
  Parsed parsed;
  parsed.buffer = input;
  for (std::size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '\n') parsed.lineStarts.push_back(i + 1);
  }
  parsed.doc.ParseInsitu<rapidjson::kParseIterativeFlag>(parsed.buffer.data());
  if (parsed.doc.HasParseError()) {
    const std::size_t line = parsed.lineOfOffset(parsed.doc.GetErrorOffset());
    problem(line, "", std::string("not valid JSON: ") + rapidjson::GetParseError_En(parsed.doc.GetParseError()));
    return out;
  }
  const rapidjson::Value& root = parsed.doc;
  if (!root.IsObject()) {
    problem(1, "", "must be a JSON object with a \"tasks\" array");
    return out;
  }
  for (auto m = root.MemberBegin(); m != root.MemberEnd(); ++m) {
    if (text(m->name) != "tasks") problem(parsed.lineOf(m->name.GetString()), text(m->name), "is not a known field (only \"tasks\")");
  }
  auto tasks = root.FindMember("tasks");
  if (tasks == root.MemberEnd() || !tasks->value.IsArray()) {
    problem(tasks == root.MemberEnd() ? 1 : parsed.lineOf(tasks->name.GetString()), "tasks", "must be an array of tasks");
    return out;
  }
  const std::string original = input;  // fromJson reads the original text (line numbers stay the file's)
  std::map<std::string, std::size_t> seen;  // task id -> index
  for (rapidjson::SizeType i = 0; i < tasks->value.Size(); ++i) {
    const rapidjson::Value& entry = tasks->value[i];
    const std::string at = "tasks[" + std::to_string(i) + "]";
    std::size_t line = parsed.lineOf(tasks->name.GetString());
    if (entry.IsObject() && entry.MemberCount() > 0) line = parsed.lineOf(entry.MemberBegin()->name.GetString());
    if (!entry.IsObject()) {
      problem(line, at, "must be an object with \"family\" and \"spec\"");
      continue;
    }
    TaskSpec task;
    task.index = i;
    task.line = line;
    bool ok = true;
    for (auto m = entry.MemberBegin(); m != entry.MemberEnd(); ++m) {
      const std::string key = text(m->name);
      if (key != "family" && key != "spec" && key != "instance") {
        problem(parsed.lineOf(m->name.GetString()), at + "." + key, "is not a known field (family, instance, spec)");
        ok = false;
      }
    }
    auto family = entry.FindMember("family");
    if (family == entry.MemberEnd() || !family->value.IsString() || !familyFromName(text(family->value), task.family)) {
      problem(family == entry.MemberEnd() ? line : parsed.lineOf(family->name.GetString()), at + ".family",
              "must be one of tablestore, dis, kafka, smartconnect");
      continue;
    }
    auto instance = entry.FindMember("instance");
    if (instance != entry.MemberEnd()) {
      if (task.family != Family::Tablestore || !instance->value.IsString()) {
        problem(parsed.lineOf(instance->name.GetString()), at + ".instance",
                "is the Tablestore instance name (a string), for tablestore tasks only");
        ok = false;
      } else {
        task.instance = text(instance->value);
      }
    }
    auto spec = entry.FindMember("spec");
    if (spec == entry.MemberEnd() || !spec->value.IsObject()) {
      problem(spec == entry.MemberEnd() ? line : parsed.lineOf(spec->name.GetString()), at + ".spec", "must be an object");
      continue;
    }
    const std::size_t specLine = parsed.lineOf(spec->name.GetString());
    delivery::JsonReadOptions options;
    options.pointer = "/tasks/" + std::to_string(i) + "/spec";
    options.pathPrefix = at + ".spec";
    options.maxBytes = kMaxSpecBytes;

    // Reads the spec with the SDK, then validates it; adds every problem.
    auto take = [&](const delivery::Error& e) {
      for (const auto& v : e.violations) {
        std::string message = v.message;
        std::size_t l = 0;
        splitLine(message, l);
        problem(l != 0 ? l : specLine, v.field, message);
      }
      if (e.violations.empty()) problem(specLine, at + ".spec", e.message);
      ok = false;
    };
    auto validated = [&](const auto& request, bool tablestoreNames) {
      auto valid = request.validate();
      if (valid) return;
      for (const auto& v : valid.error().violations) {
        const std::string field = tablestoreNames ? tablestore::jsonPathOf(v.field) : v.field;
        problem(lineOfPath(parsed, spec->value, field, specLine), at + ".spec." + field, v.message);
      }
      ok = false;
    };
    // A create request read by the SDK (or its problems), validated; `identify` takes the task's
    // scope and name from it.
    auto read = [&](auto r, bool tablestoreNames, const auto& identify) {
      if (!r) {
        take(r.error());
        return;
      }
      validated(*r, tablestoreNames);
      identify(*r);
      task.request = std::move(*r);
    };
    switch (task.family) {
      case Family::Tablestore:
        read(tablestore::fromJson<tablestore::CreateDeliveryTaskRequest>(original, options), true,
             [&](const tablestore::CreateDeliveryTaskRequest& r) {
               task.scope = r.getTableName();
               task.name = r.getTaskName();
             });
        break;
      case Family::Dis:
        read(dis::fromJson<dis::CreateTransferTaskRequest>(original, options), false,
             [&](const dis::CreateTransferTaskRequest& r) {
               task.scope = r.getStreamName();
               if (r.getDescriptor()) std::visit([&](const auto& d) { task.name = d.getTaskName(); }, *r.getDescriptor());
             });
        break;
      case Family::Kafka:
        read(kafka::fromJson<kafka::CreateSinkTaskRequest>(original, options), false,
             [&](const kafka::CreateSinkTaskRequest& r) {
               task.scope = r.getConnectorId();
               task.name = r.getTaskName();
             });
        break;
      case Family::SmartConnect:
        read(kafka::fromJson<kafka::CreateConnectorTaskRequest>(original, options), false,
             [&](const kafka::CreateConnectorTaskRequest& r) {
               task.scope = r.getInstanceId();
               if (!r.getTaskName() || r.getTaskName()->empty()) {
                 problem(specLine, at + ".spec.task_name", "is required in a spec file (tasks are found by name)");
                 ok = false;
               } else {
                 task.name = *r.getTaskName();
               }
             });
        break;
    }
    if (task.family == Family::Tablestore && task.instance.empty()) {
      problem(line, at + ".instance", "is required for a tablestore task (the Tablestore instance name)");
      ok = false;
    }
    if (!ok) continue;
    auto [it, inserted] = seen.emplace(task.id(), i);
    if (!inserted) {
      problem(line, at, "is the same task as tasks[" + std::to_string(it->second) + "] (" + task.id() + ")");
      continue;
    }
    out.tasks.push_back(std::move(task));
  }
  if (!out.problems.empty()) out.tasks.clear();
  return out;
}

SpecFile loadSpecFile(const std::string& path) {
  SpecFile out;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.problems.push_back(Problem{path, 0, "", "cannot be read"});
    return out;
  }
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) {
    out.problems.push_back(Problem{path, 0, "", "cannot be read"});
    return out;
  }
  if (static_cast<std::size_t>(size) > kMaxSpecBytes) {
    out.problems.push_back(Problem{path, 0, "",
                                   "is " + std::to_string(static_cast<long long>(size)) +
                                       " bytes, more than the limit of " + std::to_string(kMaxSpecBytes)});
    return out;
  }
  in.seekg(0);
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), size);
  return parseSpec(text, path);
}

}  // namespace deliveryctl
