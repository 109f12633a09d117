// validate() of the Tablestore delivery requests: the field tables in model.h give the simple rules
// (required, lengths, known enums, the schema's count); this file holds the hand-written shapes the
// tables name (checkedBy) and the rule across fields (duplicate Parquet names). Each rule names its source. Rules come from the
// public documentation unless marked "SDK", where they restate what the Java SDK enforces.
//
// Sources:
//   [CreateDoc]  Tablestore "Create delivery tasks" (Java and Go SDK pages; seeds 000 and 001):
//                task name characters and length, time variables of ossPrefix, taskType values.
//   [TableDoc]   Tablestore "Naming conventions and data types": table names contain letters,
//                digits and '_', start with a letter or '_', 1 to 255 bytes; column names are
//                1 to 255 bytes as well.
//   [BucketDoc]  OSS "Bucket naming conventions": 3 to 63 characters, lowercase letters, digits
//                and '-', starting and ending with a letter or digit.
//   [ObjectDoc]  OSS "Object naming conventions": UTF-8, 1 to 1023 bytes, not starting with '/' or '\'.
//   [RamDoc]     RAM role ARNs "acs:ram::<account id>:role/<role name>"; role names are 1 to 64
//                letters, digits, '.' and '-' (RAM CreateRole); seeds 000/001 show the shape.
//   [SDK]        Java SDK model setters: names, bucket, endpoint, role and prefix non-empty; event
//                column name non-empty; schema names non-empty (JP/model/delivery/*.java).

#include <string>
#include <string_view>
#include <functional>

#include "core/fields.h"
#include "core/validation.h"
#include "delivery/tablestore/model.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore {

void checkCrossRules(const OSSTaskConfig& config, const delivery::detail::Path& path, std::vector<FieldViolation>& out);

namespace {

using delivery::detail::hasControl;
using delivery::detail::Path;

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool validUtf8(std::string_view s) { return delivery::detail::isValidUtf8(s); }

void add(std::vector<FieldViolation>& out, const Path& path, std::string message) {
  out.push_back({path.str(), std::move(message)});
}

// Task names and bucket names have one shape: min..max characters, lowercase letters, digits and
// '-', starting and ending with a letter or digit. `name` is not empty.
void checkLowercaseName(const std::string& name, std::size_t min, std::size_t max, const Path& path,
                        std::vector<FieldViolation>& out) {
  if (name.size() < min || name.size() > max) {
    add(out, path, "must be " + std::to_string(min) + " to " + std::to_string(max) + " characters long");
  }
  bool badChar = false;
  for (char ch : name) badChar |= !(isLowerAlnum(ch) || ch == '-');
  if (badChar) add(out, path, "may contain only lowercase letters, digits and '-'");
  if (!isLowerAlnum(name.front()) || !isLowerAlnum(name.back())) {
    add(out, path, "must start and end with a lowercase letter or digit");
  }
}

}  // namespace

namespace detail {

// [TableDoc]
void tableName(const std::string& name, const Path& path, std::vector<FieldViolation>& out) {
  if (name.size() > 255) add(out, path, "must be at most 255 characters");
  if (!(isAlpha(name[0]) || name[0] == '_')) add(out, path, "must start with a letter or '_'");
  for (char ch : name) {
    if (!(isAlpha(ch) || isDigit(ch) || ch == '_')) {
      add(out, path, "may contain only letters, digits and '_'");
      break;
    }
  }
}

// [CreateDoc], with the length bound explained in model.h.
void newTaskName(const std::string& name, const Path& path, std::vector<FieldViolation>& out) {
  checkLowercaseName(name, kMinTaskNameLength, kMaxTaskNameLength, path, out);
}

// Existing tasks: [SDK] non-empty only (see model.h), plus a sanity bound.
void existingTaskName(const std::string& name, const Path& path, std::vector<FieldViolation>& out) {
  if (name.size() > 255) {
    add(out, path, "must be at most 255 characters");
  } else if (hasControl(name) || !validUtf8(name)) {
    add(out, path, "must be printable UTF-8 text");
  }
}

// [ObjectDoc] + [CreateDoc]: the prefix is an object-key prefix; '$' starts a time variable.
// (Required: [SDK].)
void ossPrefix(const std::string& prefix, const Path& path, std::vector<FieldViolation>& out) {
  if (prefix.size() > 1023) add(out, path, "must be at most 1023 bytes");
  if (prefix.front() == '/' || prefix.front() == '\\') add(out, path, "must not start with '/' or '\\'");
  if (!validUtf8(prefix)) add(out, path, "must be valid UTF-8");
  if (hasControl(prefix)) add(out, path, "must not contain control characters");
  static constexpr std::string_view kVariables[] = {"yyyy", "MM", "dd", "HH", "mm"};
  for (std::size_t i = prefix.find('$'); i != std::string::npos; i = prefix.find('$', i + 1)) {
    bool known = false;
    for (auto var : kVariables) known |= prefix.compare(i + 1, var.size(), var) == 0;
    if (!known) {
      add(out, path, "unknown time variable at offset " + std::to_string(i) + ": use $yyyy, $MM, $dd, $HH or $mm");
    }
  }
}

// ossDirtyPrefix has no documentation and no vendor SDK sends it (model.h): it names an OSS object
// prefix like ossPrefix, so it gets ossPrefix's [ObjectDoc] rules. Whether the service expands time
// variables in it is not known, so '$' is left alone (our choice). Empty when set: checkCrossRules.
void ossDirtyPrefix(const std::string& prefix, const Path& path, std::vector<FieldViolation>& out) {
  if (prefix.size() > 1023) add(out, path, "must be at most 1023 bytes");
  if (prefix.front() == '/' || prefix.front() == '\\') add(out, path, "must not start with '/' or '\\'");
  if (!validUtf8(prefix)) add(out, path, "must be valid UTF-8");
  if (hasControl(prefix)) add(out, path, "must not contain control characters");
}

// [BucketDoc]
void ossBucket(const std::string& bucket, const Path& path, std::vector<FieldViolation>& out) {
  checkLowercaseName(bucket, 3, 63, path, out);
}

// [SDK] required; a host name such as oss-cn-hangzhou.aliyuncs.com, optionally with a scheme.
void ossEndpoint(const std::string& endpoint, const Path& path, std::vector<FieldViolation>& out) {
  std::string_view host = endpoint;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (host.substr(0, scheme.size()) == scheme) host.remove_prefix(scheme.size());
  }
  bool ok = !host.empty() && host.size() <= 253 && host.front() != '.' && host.front() != '-' && host.back() != '.';
  for (char ch : host) ok &= isAlpha(ch) || isDigit(ch) || ch == '.' || ch == '-';
  if (!ok) add(out, path, "must be a host name such as oss-cn-hangzhou.aliyuncs.com");
}

// [RamDoc]
void ossStsRole(const std::string& arn, const Path& path, std::vector<FieldViolation>& out) {
  constexpr std::string_view kHead = "acs:ram::";
  constexpr std::string_view kRole = ":role/";
  bool ok = arn.compare(0, kHead.size(), kHead) == 0;
  std::size_t i = kHead.size();
  std::size_t digits = 0;
  while (ok && i < arn.size() && isDigit(arn[i])) ++i, ++digits;
  ok = ok && digits > 0 && arn.compare(i, kRole.size(), kRole) == 0;
  if (ok) {
    const std::string_view role = std::string_view(arn).substr(i + kRole.size());
    ok = !role.empty() && role.size() <= 64;
    for (char ch : role) ok &= isAlpha(ch) || isDigit(ch) || ch == '.' || ch == '-';
  }
  if (!ok) add(out, path, "must be a RAM role ARN such as acs:ram::<account id>:role/aliyunserviceroleforotsdatadelivery");
}

}  // namespace detail

// The rule across a config's schema entries: a Parquet file cannot hold two columns of one name.
// It stays linear: schemas of 10^5 columns are legal input, so beyond a handful of columns each name
// costs one hash lookup; a handful (the usual case) are compared pairwise, without allocating.
// Names the table's rules already reject (empty, too long) are left to them; a duplicate is
// reported only when its name is valid UTF-8 (checked only then: duplicates are rare).
void checkCrossRules(const OSSTaskConfig& config, const Path& path, std::vector<FieldViolation>& out) {
  // An optional string's table rule skips an empty value; a set but empty dirty prefix would go
  // out as an empty field 3, which is no prefix at all.
  if (const auto& dirty = config.getOssDirtyPrefix(); dirty && dirty->empty()) {
    add(out, Path(path, "ossDirtyPrefix"), "must not be empty (clear it to leave the field out)");
  }
  const auto& schema = config.getParquetSchemaList();
  const auto candidate = [](const std::string& name) { return !name.empty() && name.size() <= detail::kMaxTextBytes; };
  const auto report = [&](std::size_t i, const std::string& name) {
    if (!validUtf8(name)) return;
    const Path list(path, "schema");
    const Path item(list, i);
    add(out, Path(item, "ossColumnName"), "duplicates the name \"" + name + "\" of an earlier column");
  };
  constexpr std::size_t kPairwise = 16;
  if (schema.size() <= kPairwise) {
    for (std::size_t i = 1; i < schema.size(); ++i) {
      const std::string& name = schema[i].getOssColumnName();
      if (!candidate(name)) continue;
      for (std::size_t j = 0; j < i; ++j) {
        if (schema[j].getOssColumnName() == name) {
          report(i, name);
          break;
        }
      }
    }
    return;
  }
  // Open addressing over the entries' indexes (load at most 1/2, linear probing): one hash per name
  // and no allocation per name.
  constexpr std::size_t kFree = static_cast<std::size_t>(-1);
  std::size_t capacity = 64;
  while (capacity < 2 * schema.size()) capacity *= 2;
  const std::size_t mask = capacity - 1;
  struct Slot {
    std::size_t hash = 0;
    std::size_t index = kFree;
  };
  std::vector<Slot> slots(capacity);
  const std::hash<std::string_view> hasher;
  for (std::size_t i = 0; i < schema.size(); ++i) {
    const std::string& name = schema[i].getOssColumnName();
    if (!candidate(name)) continue;
    const std::size_t h = hasher(name);
    std::size_t at = h & mask;
    bool duplicate = false;
    for (; slots[at].index != kFree; at = (at + 1) & mask) {
      if (slots[at].hash == h && schema[slots[at].index].getOssColumnName() == name) {
        duplicate = true;
        break;
      }
    }
    if (duplicate) {
      report(i, name);
    } else {
      slots[at] = {h, i};
    }
  }
}

std::vector<FieldViolation> OSSTaskConfig::validate(const std::string& path) const {
  return delivery::detail::violationsOf(*this, path);
}

DELIVERY_DEFINE_VALIDATE(CreateDeliveryTaskRequest)
DELIVERY_DEFINE_VALIDATE(UpdateDeliveryTaskRequest)
DELIVERY_DEFINE_VALIDATE(DescribeDeliveryTaskRequest)
DELIVERY_DEFINE_VALIDATE(DeleteDeliveryTaskRequest)
DELIVERY_DEFINE_VALIDATE(ListDeliveryTaskRequest)

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
