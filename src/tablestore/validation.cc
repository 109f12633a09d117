// validate() of the Tablestore delivery requests. Each rule names its source. Rules come from the
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
#include <unordered_set>

#include "core/validation.h"
#include "delivery/tablestore/model.h"

namespace delivery::tablestore {
namespace {

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool validUtf8(std::string_view s) { return delivery::detail::isValidUtf8(s); }

using delivery::detail::hasControl;

class Collector {
 public:
  void add(std::string field, std::string message) { v_.push_back({std::move(field), std::move(message)}); }
  /// `path` + "." + `field`, built only when there is something to report.
  void add(const std::string& path, std::string_view field, std::string message) {
    std::string full;
    full.reserve(path.size() + field.size() + 1);
    full += path;
    full += '.';
    full += field;
    v_.push_back({std::move(full), std::move(message)});
  }
  void addAll(std::vector<FieldViolation> more) {
    for (auto& m : more) v_.push_back(std::move(m));
  }
  std::vector<FieldViolation>& violations() { return v_; }
  Result<void> result(const char* what) { return delivery::detail::toValidationResult(std::move(v_), what); }

 private:
  std::vector<FieldViolation> v_;
};

// [TableDoc]
void checkTableName(Collector& c, const std::string& name, const char* field = "tableName") {
  if (name.empty()) {
    c.add(field, "is required");
    return;
  }
  if (name.size() > 255) c.add(field, "must be at most 255 characters");
  if (!(isAlpha(name[0]) || name[0] == '_')) c.add(field, "must start with a letter or '_'");
  for (char ch : name) {
    if (!(isAlpha(ch) || isDigit(ch) || ch == '_')) {
      c.add(field, "may contain only letters, digits and '_'");
      break;
    }
  }
}

// [TableDoc] names of Tablestore columns are 1 to 255 bytes. The characters are not checked: the
// Java SDK does not, and delivery reads columns the table already has. Protobuf strings are UTF-8.
constexpr std::size_t kMaxColumnNameBytes = 255;
void checkColumnName(Collector& c, const std::string& path, const std::string& field, const std::string& name) {
  if (name.empty()) {
    c.add(path, field, "is required");
  } else if (name.size() > kMaxColumnNameBytes) {
    c.add(path, field, "must be at most " + std::to_string(kMaxColumnNameBytes) + " bytes");
  } else if (!validUtf8(name)) {
    c.add(path, field, "must be valid UTF-8");
  }
}

// [CreateDoc], with the length bound explained in model.h.
void checkNewTaskName(Collector& c, const std::string& name) {
  if (name.empty()) {
    c.add("taskName", "is required");
    return;
  }
  if (name.size() < kMinTaskNameLength || name.size() > kMaxTaskNameLength) {
    c.add("taskName", "must be " + std::to_string(kMinTaskNameLength) + " to " + std::to_string(kMaxTaskNameLength) +
                          " characters long");
  }
  bool badChar = false;
  for (char ch : name) badChar |= !(isLowerAlnum(ch) || ch == '-');
  if (badChar) c.add("taskName", "may contain only lowercase letters, digits and '-'");
  if (!isLowerAlnum(name.front()) || !isLowerAlnum(name.back())) {
    c.add("taskName", "must start and end with a lowercase letter or digit");
  }
}

// Existing tasks: [SDK] non-empty only (see model.h), plus a sanity bound.
void checkExistingTaskName(Collector& c, const std::string& name) {
  if (name.empty()) {
    c.add("taskName", "is required");
  } else if (name.size() > 255) {
    c.add("taskName", "must be at most 255 characters");
  } else if (hasControl(name) || !validUtf8(name)) {
    c.add("taskName", "must be printable UTF-8 text");
  }
}

// [ObjectDoc] + [CreateDoc]: the prefix is an object-key prefix; '$' starts a time variable.
void checkPrefix(Collector& c, const std::string& path, const std::string& prefix) {
  constexpr std::string_view field = "ossPrefix";
  if (prefix.empty()) {
    c.add(path, field, "is required");  // [SDK]
    return;
  }
  if (prefix.size() > 1023) c.add(path, field, "must be at most 1023 bytes");
  if (prefix.front() == '/' || prefix.front() == '\\') c.add(path, field, "must not start with '/' or '\\'");
  if (!validUtf8(prefix)) c.add(path, field, "must be valid UTF-8");
  if (hasControl(prefix)) c.add(path, field, "must not contain control characters");
  static constexpr std::string_view kVariables[] = {"yyyy", "MM", "dd", "HH", "mm"};
  for (std::size_t i = prefix.find('$'); i != std::string::npos; i = prefix.find('$', i + 1)) {
    bool known = false;
    for (auto var : kVariables) known |= prefix.compare(i + 1, var.size(), var) == 0;
    if (!known) {
      c.add(path, field, "unknown time variable at offset " + std::to_string(i) + ": use $yyyy, $MM, $dd, $HH or $mm");
    }
  }
}

// [BucketDoc]
void checkBucket(Collector& c, const std::string& path, const std::string& bucket) {
  constexpr std::string_view field = "ossBucket";
  if (bucket.empty()) {
    c.add(path, field, "is required");
    return;
  }
  if (bucket.size() < 3 || bucket.size() > 63) c.add(path, field, "must be 3 to 63 characters long");
  bool badChar = false;
  for (char ch : bucket) badChar |= !(isLowerAlnum(ch) || ch == '-');
  if (badChar) c.add(path, field, "may contain only lowercase letters, digits and '-'");
  if (!isLowerAlnum(bucket.front()) || !isLowerAlnum(bucket.back())) {
    c.add(path, field, "must start and end with a lowercase letter or digit");
  }
}

// [SDK] required; a host name such as oss-cn-hangzhou.aliyuncs.com, optionally with a scheme.
void checkOssEndpoint(Collector& c, const std::string& path, const std::string& endpoint) {
  constexpr std::string_view field = "ossEndpoint";
  if (endpoint.empty()) {
    c.add(path, field, "is required");
    return;
  }
  std::string_view host = endpoint;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (host.substr(0, scheme.size()) == scheme) host.remove_prefix(scheme.size());
  }
  bool ok = !host.empty() && host.size() <= 253 && host.front() != '.' && host.front() != '-' && host.back() != '.';
  for (char ch : host) ok &= isAlpha(ch) || isDigit(ch) || ch == '.' || ch == '-';
  if (!ok) c.add(path, field, "must be a host name such as oss-cn-hangzhou.aliyuncs.com");
}

// [RamDoc]
void checkRoleArn(Collector& c, const std::string& path, const std::string& arn) {
  constexpr std::string_view field = "ossStsRole";
  if (arn.empty()) {
    c.add(path, field, "is required");
    return;
  }
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
  if (!ok) c.add(path, field, "must be a RAM role ARN such as acs:ram::<account id>:role/aliyunserviceroleforotsdatadelivery");
}

bool knownEventTimeFormat(EventTimeFormat f) {
  const int v = static_cast<int>(f);
  return v >= 1 && v <= 5;
}
bool knownDataType(DataType t) {
  const int v = static_cast<int>(t);
  return v >= 0 && v <= 15;
}
bool knownEncoding(OSSFileEncoding e) {
  const int v = static_cast<int>(e);
  return v >= 0 && v <= 4;
}
bool knownTaskType(DeliveryTaskType t) {
  const int v = static_cast<int>(t);
  return v >= 0 && v <= 2;
}

void checkConfig(Collector& c, const std::optional<OSSTaskConfig>& config) {
  if (!config) {
    c.add("taskConfig", "is required");
    return;
  }
  c.addAll(config->validate("taskConfig"));
}

}  // namespace

std::vector<FieldViolation> OSSTaskConfig::validate(const std::string& path) const {
  Collector c;
  checkPrefix(c, path, ossPrefix_);
  checkBucket(c, path, ossBucket_);
  checkOssEndpoint(c, path, ossEndpoint_);
  checkRoleArn(c, path, ossStsRole_);
  if (eventTimeColumn_) {
    checkColumnName(c, path, "eventTimeColumn.columnName", eventTimeColumn_->getColumnName());
    if (!knownEventTimeFormat(eventTimeColumn_->getEventTimeFormat())) {
      c.add(path, "eventTimeColumn.eventTimeFormat", "is not a known EventTimeFormat");
    }
  }
  if (format_ != OSSFileFormat::Parquet) c.add(path, "format", "must be Parquet");
  // [CreateDoc]: the schema lists the delivered columns explicitly.
  if (schema_.empty()) c.add(path, "parquetSchema", "must list at least one column");
  // A Parquet file cannot hold two columns of one name. One hash-set lookup per column keeps the
  // rule linear: schemas of 10^5 columns are legal input.
  std::unordered_set<std::string_view> ossNames;
  ossNames.reserve(schema_.size());
  for (std::size_t i = 0; i < schema_.size(); ++i) {
    const ParquetSchema& s = schema_[i];
    auto at = [&](const char* field) { return "parquetSchema[" + std::to_string(i) + "]." + field; };
    const std::string& name = s.getColumnName();
    if (name.empty()) {
      c.add(path, at("columnName"), "must not be empty");
    } else if (name.size() > kMaxColumnNameBytes || !validUtf8(name)) {
      checkColumnName(c, path, at("columnName"), name);
    }
    const std::string& ossName = s.getOssColumnName();
    if (ossName.empty()) {
      c.add(path, at("ossColumnName"), "must not be empty");
    } else if (ossName.size() > delivery::detail::kMaxTextBytes) {
      c.add(path, at("ossColumnName"), "must be at most " + std::to_string(delivery::detail::kMaxTextBytes) + " bytes");
    } else if (!validUtf8(ossName)) {
      c.add(path, at("ossColumnName"), "must be valid UTF-8");
    } else if (!ossNames.insert(ossName).second) {
      c.add(path, at("ossColumnName"), "duplicates the name \"" + ossName + "\" of an earlier column");
    }
    if (!knownDataType(s.getType())) c.add(path, at("type"), "is not a known DataType");
    if (!knownEncoding(s.getEncode())) c.add(path, at("encode"), "is not a known OSSFileEncoding");
    if (s.getTypeExtend() && (s.getTypeExtend()->size() > delivery::detail::kMaxTextBytes || !validUtf8(*s.getTypeExtend()))) {
      c.add(path, at("typeExtend"), "must be valid UTF-8 of at most " + std::to_string(delivery::detail::kMaxTextBytes) + " bytes");
    }
  }
  return std::move(c.violations());
}

Result<void> CreateDeliveryTaskRequest::validate() const {
  Collector c;
  checkTableName(c, tableName_);
  checkNewTaskName(c, taskName_);
  checkConfig(c, taskConfig_);
  if (!knownTaskType(taskType_)) c.add("taskType", "is not a known DeliveryTaskType");
  return c.result("CreateDeliveryTaskRequest");
}

Result<void> UpdateDeliveryTaskRequest::validate() const {
  Collector c;
  checkTableName(c, tableName_);
  checkExistingTaskName(c, taskName_);
  checkConfig(c, taskConfig_);
  return c.result("UpdateDeliveryTaskRequest");
}

template <typename Self>
Result<void> TaskRequestBase<Self>::validate() const {
  Collector c;
  checkTableName(c, tableName_);
  checkExistingTaskName(c, taskName_);
  return c.result(std::is_same_v<Self, DescribeDeliveryTaskRequest> ? "DescribeDeliveryTaskRequest"
                                                                     : "DeleteDeliveryTaskRequest");
}

template class TaskRequestBase<DescribeDeliveryTaskRequest>;
template class TaskRequestBase<DeleteDeliveryTaskRequest>;

Result<void> ListDeliveryTaskRequest::validate() const {
  Collector c;
  checkTableName(c, tableName_);
  return c.result("ListDeliveryTaskRequest");
}

}  // namespace delivery::tablestore
