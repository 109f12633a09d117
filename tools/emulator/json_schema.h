#pragma once
// A small key table and checker for the JSON bodies the Huawei backends take. Each backend writes
// its own tables (one Object per message of the vendor specification: JSON key, JSON type,
// required or not, length / range / enum / character rules); check() reports every problem with the
// full key path ("dws_destination_descriptor.options.reject_limit") and rejects keys the table
// does not have.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace delivery::emulator::schema {

enum class Type {
  String,
  Integer,        ///< a JSON integer
  IntegerOrText,  ///< a JSON integer or a string of decimal digits (retry_duration, node_cnt)
  Object,
  ObjectArray,    ///< an array of objects
  Boolean,        ///< true or false (Smart Connect's start_later, store_keys...)
};

struct Object;

struct Key {
  const char* name = "";
  Type type = Type::String;
  bool required = false;
  bool secret = false;  ///< never stored, never echoed; may be absent from a seeded or reloaded task
  std::size_t minSize = 0;  ///< string bytes / array entries
  std::size_t maxSize = std::numeric_limits<std::size_t>::max();
  const char* sizeMessage = nullptr;
  const char* chars = nullptr;  ///< the characters allowed in a string; nullptr: any
  const char* charsMessage = nullptr;
  std::vector<std::string> values;  ///< the allowed strings (enum wire values); empty: any
  std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const Object* object = nullptr;  ///< for Object and ObjectArray

  Key& req() { required = true; return *this; }
  Key& hidden() { secret = true; return *this; }
  Key& size(std::size_t lo, std::size_t hi, const char* message) { minSize = lo; maxSize = hi; sizeMessage = message; return *this; }
  Key& only(const char* allowed, const char* message) { chars = allowed; charsMessage = message; return *this; }
  Key& oneOf(std::vector<std::string> v) { values = std::move(v); return *this; }
  Key& range(std::int64_t lo, std::int64_t hi) { min = lo; max = hi; return *this; }
};

inline Key str(const char* name) { Key k; k.name = name; k.type = Type::String; return k; }
inline Key integer(const char* name) { Key k; k.name = name; k.type = Type::Integer; return k; }
inline Key integerOrText(const char* name) { Key k; k.name = name; k.type = Type::IntegerOrText; return k; }
inline Key boolean(const char* name) { Key k; k.name = name; k.type = Type::Boolean; return k; }
inline Key object(const char* name, const Object& o) { Key k; k.name = name; k.type = Type::Object; k.object = &o; return k; }
inline Key objects(const char* name, const Object& o) { Key k; k.name = name; k.type = Type::ObjectArray; k.object = &o; return k; }

struct Object {
  std::vector<Key> keys;
  const Key* find(const std::string& name) const;
};

struct Problem {
  std::string field;  ///< key path
  std::string message;
};

struct Options {
  bool secretsMayBeAbsent = false;  ///< a stored task (seeded or reloaded) has no secrets
};

/// Checks `value` (must be an object) against `table`; `path` is the key path of `value` ("" for
/// the body). Unknown keys are problems too.
void check(const rapidjson::Value& value, const Object& table, const std::string& path, const Options& options,
           std::vector<Problem>& problems);

/// Removes every secret key of `table` (recursively) from `value`.
void removeSecrets(rapidjson::Value& value, const Object& table);

/// "a.b" from "a" and "b"; "b" when `path` is empty.
std::string join(const std::string& path, const std::string& key);

/// The integer of an IntegerOrText value (false when it is neither).
bool integerValue(const rapidjson::Value& v, std::int64_t& out);

/// The member `key` of an object, or null when `v` is no object or the member is absent or null.
const rapidjson::Value* member(const rapidjson::Value& v, const char* key);
/// A string value's text; empty for null or a value that is no string.
std::string text(const rapidjson::Value* v);

/// Compact JSON text of a value.
std::string toJson(const rapidjson::Value& value);

}  // namespace delivery::emulator::schema
