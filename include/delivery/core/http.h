#pragma once

#include "delivery/export.h"
// HTTP request and response values exchanged between the SDK and a Transport.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN

namespace detail {
struct HeadersAccess;  // in-place header rewriting for the signers (internal)
}

/// The HTTP methods the SDK sends.
enum class HttpMethod { Get, Post, Put, Delete };
/// "GET", "POST", "PUT" or "DELETE".
DELIVERY_API const char* toString(HttpMethod method) noexcept;

/// Header fields in insertion order; names compare case-insensitively.
class DELIVERY_API Headers {
 public:
  using Field = std::pair<std::string, std::string>;  ///< a name and its value

  /// Sets `name` to `value`, replacing every field of that name.
  void set(std::string name, std::string value);
  /// Appends a field, keeping any others of the same name.
  void add(std::string name, std::string value);
  /// The first value of `name`, or nullptr.
  const std::string* find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr; }  ///< Whether `name` is present (any case).
  /// The first value of `name`, or an empty string.
  std::string get(std::string_view name) const;
  /// Removes every field of that name; returns how many were removed.
  std::size_t remove(std::string_view name);

  std::size_t size() const noexcept { return fields_.size(); }  ///< The number of fields.
  bool empty() const noexcept { return fields_.empty(); }  ///< Whether there is no field.
  void clear() noexcept { fields_.clear(); }  ///< Removes every field.
  void reserve(std::size_t n) { fields_.reserve(n); }  ///< Reserves room for `n` fields.
  std::vector<Field>::const_iterator begin() const noexcept { return fields_.begin(); }  ///< The fields, in order.
  std::vector<Field>::const_iterator end() const noexcept { return fields_.end(); }  ///< End of the fields.

  static bool namesEqual(std::string_view a, std::string_view b) noexcept;  ///< Case-insensitive (ASCII) name comparison.

 private:
  friend struct detail::HeadersAccess;
  std::vector<Field> fields_;
};

/// Where requests go: scheme, host and port, e.g. parsed from "https://host:8443".
struct DELIVERY_API Endpoint {
  std::string scheme = "https";  ///< "http" or "https"
  std::string host;              ///< host name or IP literal, without port
  std::uint16_t port = 0;        ///< 0 = the scheme's default port

  /// "host" or "host:port" as sent in the Host header.
  std::string authority() const;
  /// "scheme://authority"
  std::string toString() const;

  /// Parses `http(s)://host[:port][/]`. Anything else (a path, user info, a query, an unknown
  /// scheme, a bad host or port) is an InvalidArgument error that says what is wrong.
  static Result<Endpoint> parse(std::string_view url);
};

/// One HTTP request as built and signed by a client, ready for a Transport.
struct DELIVERY_API HttpRequest {
  HttpMethod method = HttpMethod::Post;  ///< the HTTP method
  Endpoint endpoint;  ///< scheme, host and port
  std::string path = "/";  ///< already percent-encoded, starts with '/'
  std::vector<std::pair<std::string, std::string>> query;  ///< unencoded names and values
  Headers headers;   ///< request headers, signature headers included
  std::string body;  ///< the body bytes (JSON or protobuf); empty when there is none
  /// Whether the request may be sent again without asking the caller: set by the clients for
  /// idempotent operations (reads). When false (creates, updates, deletes, start/stop), a
  /// Transport must never repeat it on its own, not even on a kept-alive connection that closed
  /// before any response byte: such a request may have executed, and the outcome is reported as an
  /// ErrorKind::Network error instead.
  bool idempotent = false;

  /// The full URL with the query percent-encoded.
  std::string url() const;
};

/// One HTTP response as a Transport returns it: any status, 4xx and 5xx included (the client
/// turns those into an Error).
struct HttpResponse {
  int status = 0;    ///< the HTTP status code
  Headers headers;   ///< the response headers
  std::string body;  ///< the response body
};

DELIVERY_NAMESPACE_END
