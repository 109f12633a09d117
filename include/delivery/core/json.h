#pragma once
// Options of the models' JSON form: toJson()/fromJson() in delivery/<family>/json.h.
//
// Every request model of the SDK can be written as JSON and read back from it. The JSON uses the
// names of the model's table: the services' own JSON field names for DIS and Kafka (URL parameters
// such as stream_name and connector_id included), and Java-SDK-style names for Tablestore
// (delivery/tablestore/json.h lists them). Reading is strict: an unknown key, a duplicated key or a
// value of the wrong type is a violation named by its JSON path, its message ending in " (line N)"
// (the line of the text it is on); every one is reported.

#include <cstddef>
#include <string>

#include "delivery/export.h"

DELIVERY_NAMESPACE_BEGIN

/// How toJson() writes a model.
struct JsonWriteOptions {
  /// Secret fields (passwords, access keys and secret keys) are written as "<redacted>" unless set.
  bool revealSecrets = false;
  /// Two-space indentation, one member a line; false: compact, on one line.
  bool pretty = true;
};

/// How fromJson() reads a model.
struct JsonReadOptions {
  /// A JSON Pointer (RFC 6901), e.g. "/tasks/2/spec": the object to read within a larger text, so
  /// that line numbers stay those of the whole text. Empty: the whole text is the object.
  std::string pointer;
  /// Prefixes every violation's path, e.g. "tasks[2].spec".
  std::string pathPrefix;
  /// Texts longer than this are refused before parsing (InvalidArgument).
  std::size_t maxBytes = 4 * 1024 * 1024;
};

/// The text toJson() writes in place of a secret.
inline constexpr const char* kRedacted = "<redacted>";

DELIVERY_NAMESPACE_END  // namespace delivery

// A family's json.h names its models in lists, LIST(X) giving X(Type) for each, and declares from
// them, in the family's namespace:
//   DELIVERY_JSON_WRITERS(LIST)   std::string toJson(const Type&, const JsonWriteOptions& = {})
//   DELIVERY_JSON_READERS(LIST)   template <typename T> Result<T> fromJson(std::string_view json,
//                                 const JsonReadOptions& options = {}), built into the library for
//                                 the types LIST names (and only those: extern template).
// The family's json.cc defines them from the same lists (core/model_json.h).
#define DELIVERY_JSON_WRITER_(Type) \
  DELIVERY_API std::string toJson(const Type& message, const JsonWriteOptions& options = {});
#define DELIVERY_JSON_READER_(Type) extern template Result<Type> fromJson(std::string_view, const JsonReadOptions&);
#define DELIVERY_JSON_WRITERS(LIST) LIST(DELIVERY_JSON_WRITER_)
#define DELIVERY_JSON_READERS(LIST)                                                           \
  template <typename T>                                                                       \
  DELIVERY_API Result<T> fromJson(std::string_view json, const JsonReadOptions& options = {}); \
  LIST(DELIVERY_JSON_READER_)
