// Tablestore requests as JSON (delivery/tablestore/json.h): the generic table walk
// (core/model_json.h) with the Java SDK's names for the few protobuf names that differ, and the
// enum numbers written as the enums' names.
#include "delivery/tablestore/json.h"

#include <cstring>

#include "core/model_json.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore {
namespace {

using delivery::detail::NumberEnum;

template <typename E>
const char* numberText(std::int32_t n) {
  const E e = static_cast<E>(n);
  return e == E::UNKNOWN ? "" : ::delivery::enumText(e);
}
template <typename E>
std::optional<std::int32_t> numberOf(std::string_view text) {
  auto e = enumFromText<E>(text);
  if (!e || *e == E::UNKNOWN) return std::nullopt;
  return static_cast<std::int32_t>(*e);
}
template <typename E>
constexpr NumberEnum numberEnumOf() {
  return {&numberText<E>, &numberOf<E>, EnumTableOf<E>::name};
}

constexpr NumberEnum kTaskType = numberEnumOf<DeliveryTaskType>();
constexpr NumberEnum kEventTimeFormat = numberEnumOf<EventTimeFormat>();
constexpr NumberEnum kDataType = numberEnumOf<DataType>();
constexpr NumberEnum kEncoding = numberEnumOf<OSSFileEncoding>();
constexpr NumberEnum kFormat = numberEnumOf<OSSFileFormat>();
constexpr NumberEnum kFormatter = numberEnumOf<TimeFormatter>();
constexpr NumberEnum kPhase = numberEnumOf<TaskSyncPhase>();
constexpr NumberEnum kErrorType = numberEnumOf<DeliveryErrorType>();

// Renames: protobuf name -> JSON name (see the header).
struct Rename {
  const char* wire;
  const char* json;
};
constexpr Rename kRenames[] = {{"schema", "parquetSchema"}, {"timeFormat", "eventTimeFormat"}, {"table", "tableName"}};

struct JsonPolicy : delivery::detail::PlainJsonPolicy {
  static std::string_view key(const field::Info& info) {
    const std::string_view wire = info.wireName();
    for (const auto& r : kRenames) {
      if (wire == r.wire) return r.json;
    }
    return wire;
  }
  // The tables name each enum field's accessor XxxNumber: the accessor says which enum it holds.
  static const NumberEnum* numberEnum(const field::Info& info) {
    const std::string_view name = info.name;
    if (name == "TaskTypeNumber") return &kTaskType;
    if (name == "EventTimeFormatNumber") return &kEventTimeFormat;
    if (name == "TypeNumber") return &kDataType;
    if (name == "EncodeNumber") return &kEncoding;
    if (name == "FormatNumber") return &kFormat;
    if (name == "TimeFormatterNumber") return &kFormatter;
    if (name == "TaskSyncPhaseNumber") return &kPhase;
    if (name == "ErrorTypeNumber") return &kErrorType;
    return nullptr;
  }
};

}  // namespace

DELIVERY_JSON_DEFINE_WRITERS(DELIVERY_TABLESTORE_JSON_REQUESTS)
DELIVERY_JSON_DEFINE_WRITERS(DELIVERY_TABLESTORE_JSON_RESPONSES)
DELIVERY_JSON_DEFINE_WRITERS(DELIVERY_TABLESTORE_JSON_PARTS)
DELIVERY_JSON_DEFINE_READERS(DELIVERY_TABLESTORE_JSON_READABLE, "a Tablestore request")

std::string jsonPathOf(std::string_view wirePath) {
  // Segments are separated by '.' and end at '.', '[' or the end.
  std::string out;
  std::size_t i = 0;
  while (i < wirePath.size()) {
    std::size_t end = wirePath.find_first_of(".[", i);
    if (end == std::string_view::npos) end = wirePath.size();
    std::string_view segment = wirePath.substr(i, end - i);
    for (const auto& r : kRenames) {
      if (segment == r.wire) segment = r.json;
    }
    out += segment;
    const std::size_t next = wirePath.find('.', end);
    out += wirePath.substr(end, (next == std::string_view::npos ? wirePath.size() : next + 1) - end);
    i = next == std::string_view::npos ? wirePath.size() : next + 1;
  }
  return out;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
