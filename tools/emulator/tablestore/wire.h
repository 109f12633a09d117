#pragma once
// The Tablestore delivery protocol as the emulator reads and writes it, written from the vendor
// schema in the Tablestore delivery-task specification (section 1.1: the Java SDK's OtsDelivery.proto
// and the Go SDK's otsprotocol/delivery.proto, both proto2; section 4.2: the Error message of
// ots_internal_api.proto / table_store.proto). Nothing here comes from the SDK's own codec: the
// emulator is a second, independent reading of the same schema, so that a wrong field number or
// enum number in the SDK shows up as a disagreement instead of cancelling out.
//
// One table per message (wire.cc) gives every field's number, name (as declared in the .proto),
// kind and, for enums and sub-messages, their table. The same tables drive:
//   - decode(): protobuf bytes -> Message, with the checks below;
//   - encode(): Message -> protobuf bytes, fields in ascending number order (as protobuf-java and
//     golang/protobuf write them, spec 1.2);
//   - toJson()/fromJson(): the same message as JSON with the .proto field names and enum names
//     (wire_json.cc, the emulator's only; the rest builds without RapidJSON).
//
// decode() is stricter than a protobuf library (the service runs one, which would skip what it
// does not know); every departure is deliberate, because the emulator is a witness of what a client
// puts on the wire:
//   - an unknown field number is rejected, naming the number and the message (a protobuf parser
//     would keep it as an unknown field; a client that sends one has a wrong field number);
//   - a known field with the wrong wire type, a truncated or malformed message (varint longer than
//     10 bytes, a length past the end, field number 0, group wire types 3/4, wire types 6/7) is
//     rejected;
//   - an enum number the schema does not list is rejected (proto2 parsers keep it as unknown);
//   - a singular field that appears more than once is rejected (protobuf would let the last one
//     win; neither vendor SDK ever writes a field twice);
//   - a string field that is not valid UTF-8 is rejected (names and prefixes are text).
// Every message names the field by its path, e.g. "taskConfig.schema[2].type".

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "delivery/core/result.h"

namespace delivery::emulator::ots {

// ---- protobuf wire primitives ---------------------------------------------------------------

enum class WireType : std::uint8_t { Varint = 0, I64 = 1, Len = 2, SGroup = 3, EGroup = 4, I32 = 5 };

/// Reads protobuf wire data from a byte range. Each read returns false (leaving the position
/// unspecified) when the data is truncated or malformed.
class WireReader {
 public:
  explicit WireReader(std::string_view data) : data_(data) {}
  bool atEnd() const { return pos_ >= data_.size(); }
  std::size_t position() const { return pos_; }
  /// A base-128 varint of at most 10 bytes whose value fits in 64 bits.
  bool varint(std::uint64_t& out);
  bool fixed32(std::uint32_t& out);
  bool fixed64(std::uint64_t& out);
  /// A length-delimited payload: a varint length, then that many bytes.
  bool lengthDelimited(std::string_view& out);
  /// A tag: field number (1 .. 2^29-1) and wire type (0, 1, 2, 5; groups and 6/7 are refused).
  bool tag(std::uint32_t& field, WireType& type);

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

/// Appends protobuf wire data to a string.
class WireWriter {
 public:
  explicit WireWriter(std::string& out) : out_(out) {}
  void varint(std::uint64_t v);
  void tag(std::uint32_t field, WireType type) { varint((static_cast<std::uint64_t>(field) << 3) | static_cast<std::uint8_t>(type)); }
  void fixed32(std::uint32_t v);
  void fixed64(std::uint64_t v);
  void lengthDelimited(std::uint32_t field, std::string_view bytes);
  void varintField(std::uint32_t field, std::uint64_t v) {
    tag(field, WireType::Varint);
    varint(v);
  }

 private:
  std::string& out_;
};

// ---- the schema tables ----------------------------------------------------------------------

enum class Kind { String, Enum, Int64, Message };

struct EnumValue {
  std::int64_t number;
  std::string_view name;
};

struct EnumType {
  std::string_view name;
  const EnumValue* values;
  std::size_t count;
  const EnumValue* byNumber(std::int64_t number) const;
  const EnumValue* byName(std::string_view name) const;
};

struct MessageType;

struct Field {
  std::uint32_t number;
  std::string_view name;
  Kind kind;
  bool repeated;
  const EnumType* enumType;        ///< Kind::Enum
  const MessageType* messageType;  ///< Kind::Message
};

struct MessageType {
  std::string_view name;
  const Field* fields;
  std::size_t count;
  const Field* byNumber(std::uint32_t number) const;
  const Field* byName(std::string_view name) const;
  /// byName(), throwing std::logic_error for a name the table lacks (a mistake in the emulator).
  const Field& field(std::string_view name) const;
};

// Top-level enums (spec 1.1).
extern const EnumType kDeliveryTaskType;  // BASE=0, INC=1, BASE_INC=2
extern const EnumType kFormat;            // Parquet=0
extern const EnumType kEncoding;          // PLAIN=0 .. DELTA_LENGTH_BYTE_ARRAY=4
extern const EnumType kTimeFormatter;     // YDMFormatter=0
extern const EnumType kErrorType;         // OK=0 (Java proto only), UNAUTHORIZED=1, INVALID_OSS_BUCKET=2
extern const EnumType kEventTimeFormat;   // EventColumn.eventTimeFormat: RFC822=1 .. Unix=5
extern const EnumType kDataType;          // ParquetSchema.DataType: BOOL=0 .. INT96=15
extern const EnumType kTaskSyncPhase;     // TaskSyncStat.TaskSyncPhase: INIT=0, FULL=1, INCR=2

// Messages (spec 1.1, 4.2).
extern const MessageType kEventColumn;
extern const MessageType kParquetSchema;
extern const MessageType kOSSTaskConfig;
extern const MessageType kCreateDeliveryTaskRequest;
extern const MessageType kCreateDeliveryTaskResponse;
extern const MessageType kUpdateDeliveryTaskRequest;
extern const MessageType kUpdateDeliveryTaskResponse;
extern const MessageType kDeleteDeliveryTaskRequest;
extern const MessageType kDeleteDeliveryTaskResponse;
extern const MessageType kDescribeDeliveryTaskRequest;
extern const MessageType kDescribeDeliveryTaskResponse;
extern const MessageType kListDeliveryTaskRequest;
extern const MessageType kListDeliveryTaskResponse;
extern const MessageType kDeliveryTaskInfo;
extern const MessageType kTaskSyncStat;
extern const MessageType kAccessDeniedDetail;
extern const MessageType kError;

// ---- messages ---------------------------------------------------------------------------------

/// A decoded (or built) message: the fields present, in ascending field-number order, each with
/// every value it carried (one for a singular field). Fields are addressed by their .proto name;
/// a name the message's table lacks throws std::logic_error.
struct Message {
  struct Entry {
    const Field* field = nullptr;
    std::vector<std::int64_t> numbers;  ///< Kind::Enum, Kind::Int64
    std::vector<std::string> strings;   ///< Kind::String
    std::vector<Message> messages;      ///< Kind::Message
  };

  const MessageType* type = nullptr;
  std::vector<Entry> entries;

  Message() = default;
  explicit Message(const MessageType& t) : type(&t) {}

  bool has(std::string_view name) const { return find(name) != nullptr; }
  const Entry* find(std::string_view name) const;
  /// The (first) value of a singular field, or nullptr / nullopt when it is absent.
  const std::string* string(std::string_view name) const;
  const std::int64_t* number(std::string_view name) const;
  const Message* message(std::string_view name) const;
  /// Every value of a repeated message field (empty when absent).
  const std::vector<Message>& messages(std::string_view name) const;

  /// Builders: append one value to a field (creating its entry in number order).
  Message& setString(std::string_view name, std::string value);
  Message& setNumber(std::string_view name, std::int64_t value);
  Message& addMessage(std::string_view name, Message value);
  /// Removes a field; returns whether it was present.
  bool clear(std::string_view name);

 private:
  Entry& entry(std::string_view name);
};

/// Decodes `bytes` as a message of `type` with the checks listed at the top of this file. The
/// error (ErrorKind::InvalidArgument) names the field path and what is wrong.
Result<Message> decode(const MessageType& type, std::string_view bytes);
/// The protobuf bytes of `message`, fields in ascending number order.
std::string encode(const Message& message);

/// `message` as a JSON object: keys are the .proto field names, enums their value names (as in the
/// .proto), int64 numbers, repeated fields arrays, sub-messages objects. Absent fields are left out.
std::string toJson(const Message& message);
/// The reverse of toJson(), as strict as decode(): an unknown key, a value of the wrong JSON type,
/// an unknown enum name or a singular field given as an array is rejected, naming the path.
Result<Message> fromJson(const MessageType& type, std::string_view json);

// Shared by wire.cc (decode) and wire_json.cc (fromJson).
namespace detail {
/// `path.name`, or `name` at the top level.
std::string join(const std::string& path, std::string_view name);
/// Finds or makes the entry of `f`, keeping the entries in number order (the wire may carry fields
/// in any order).
Message::Entry& entryFor(Message& m, const Field& f);
/// How many values an entry holds.
std::size_t valueCount(const Message::Entry& e);
}  // namespace detail

}  // namespace delivery::emulator::ots
