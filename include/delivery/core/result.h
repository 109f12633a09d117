#pragma once

#include "delivery/export.h"
// delivery::Error and delivery::Result<T>: every SDK operation returns a Result instead of throwing.
// Callers test it (`if (!r) ...`) and read `r.error()`, or call `r.value()`, which throws
// delivery::Exception when the result holds an error.

#include <chrono>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

DELIVERY_NAMESPACE_BEGIN

/// What went wrong, broadly; `Error::code` carries the service's own code when there is one.
enum class ErrorKind {
  InvalidArgument,  ///< the request or a client setting failed validation; nothing was sent
  Connect,          ///< could not connect (DNS, refused, connect timeout): the request was not sent
  Network,          ///< the connection failed after the request may have been sent
  Timeout,          ///< the total or stall timeout expired; the request may have been sent
  Tls,              ///< TLS handshake or certificate verification failed
  Auth,             ///< the service rejected the credentials or signature (or the reverse check failed)
  Throttled,        ///< the service asked the client to slow down
  Service,          ///< any other error reported by the service (see `code`)
  InvalidResponse,  ///< the response could not be understood or failed an integrity check
  Internal,         ///< a bug or an environment failure inside the SDK
  /// an asynchronous call ended before its result: cancel() was called, or its client or transport
  /// was destroyed while it was in flight (the message says which, and whether it may have executed)
  Cancelled,
};

DELIVERY_API const char* toString(ErrorKind kind) noexcept;  ///< The kind's name, e.g. "InvalidArgument".

/// One violated rule found by validate(): the field path (e.g. `taskConfig.parquetSchema[1].ossColumnName`)
/// and what is wrong with it.
struct FieldViolation {
  std::string field;    ///< the field path, wire names joined by '.', list items as [i]
  std::string message;  ///< what is wrong, e.g. "is required"
  bool operator==(const FieldViolation& o) const { return field == o.field && message == o.message; }  ///< Same field and message.
};

/// An error from the SDK, the transport or the service. Never contains secrets.
///
/// Text that came from a response or a transport (`code`, `message`, `requestId`) is stored
/// escaped and capped, so that printing or logging an Error cannot forge a log line or send
/// terminal escapes: control characters (CR, LF, ESC, NUL, other C0 and C1 controls, DEL), the
/// Unicode line separators and bidirectional overrides, and invalid UTF-8 bytes become `\xNN` or
/// `\u{NNNN}`. Caps: `code` kMaxCodeBytes, `requestId` kMaxRequestIdBytes, `message`
/// kMaxMessageBytes bytes of the original text; a longer text ends with "...(N bytes)".
struct DELIVERY_API Error {
  static constexpr std::size_t kMaxCodeBytes = 128;       ///< cap on `code`, in bytes of the original text
  static constexpr std::size_t kMaxRequestIdBytes = 128;  ///< cap on `requestId`
  static constexpr std::size_t kMaxMessageBytes = 2048;   ///< cap on `message`

  ErrorKind kind = ErrorKind::Internal;  ///< what failed; see ErrorKind for what each promises
  int httpStatus = 0;           ///< 0 when no HTTP response was received
  std::string code;             ///< the service's error code, e.g. "OTSObjectNotExist"; empty if none
  std::string message;          ///< human-readable text
  std::string requestId;        ///< the service's request id, when a response carried one
  bool retryable = false;       ///< whether the SDK considers a retry of this call safe and useful
  int transportCode = 0;        ///< the transport's own code (libcurl's CURLcode), 0 if none
  /// How many times the request was sent (attempts made) before this error was returned; 0 when
  /// it failed before sending (validation, configuration).
  int attempts = 0;
  /// The wait the service asked for in the last response's `Retry-After` header (seconds or an
  /// HTTP date, at most a week), when it sent one, whether or not the error is retryable.
  std::optional<std::chrono::milliseconds> retryAfter;
  std::vector<FieldViolation> violations;  ///< every violation, for ErrorKind::InvalidArgument

  Error() = default;
  Error(ErrorKind k, std::string msg) : kind(k), message(std::move(msg)) {}  ///< An error of kind `k` with a message.

  /// One line: kind, status, code, message, request id, and the violations (one more line each).
  /// Control characters in any field are escaped here too, whatever put them there.
  std::string toString() const;
};

/// Writes error.toString() (secrets are never part of an Error).
DELIVERY_API std::ostream& operator<<(std::ostream& os, const Error& error);

/// Thrown only by Result::value() on a result that holds an error.
class DELIVERY_API Exception : public std::runtime_error {
 public:
  explicit Exception(Error error);  ///< Carries `error`; what() is error.toString().
  const Error& error() const noexcept { return error_; }  ///< The error the result held.

 private:
  Error error_;
};

/// A value of type T, or an Error. Does not require T to be default-constructible.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}  ///< A success. NOLINT: implicit by design
  Result(Error error) : data_(std::in_place_index<1>, std::move(error)) {}  ///< A failure. NOLINT

  bool ok() const noexcept { return data_.index() == 0; }  ///< Whether it holds a value.
  explicit operator bool() const noexcept { return ok(); }  ///< ok()

  T& value() & {  ///< The value; throws delivery::Exception when it holds an error.
    throwIfError();
    return std::get<0>(data_);
  }
  const T& value() const& {  ///< The value; throws delivery::Exception when it holds an error.
    throwIfError();
    return std::get<0>(data_);
  }
  T&& value() && {  ///< The value, moved out; throws delivery::Exception when it holds an error.
    throwIfError();
    return std::get<0>(std::move(data_));
  }

  T* operator->() { return &value(); }  ///< &value(); throws delivery::Exception on an error.
  const T* operator->() const { return &value(); }  ///< &value(); throws delivery::Exception on an error.
  T& operator*() & { return value(); }  ///< value(); throws delivery::Exception on an error.
  const T& operator*() const& { return value(); }  ///< value(); throws delivery::Exception on an error.

  /// The error. Precondition: !ok(); on a successful result this throws std::logic_error.
  const Error& error() const {
    if (ok()) throw std::logic_error("delivery::Result::error() called on a successful result");
    return std::get<1>(data_);
  }

 private:
  void throwIfError() const {
    if (!ok()) throw Exception(std::get<1>(data_));
  }
  std::variant<T, Error> data_;
};

/// Success with no value, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  ///< A failure. NOLINT: implicit by design

  bool ok() const noexcept { return ok_; }  ///< Whether it succeeded.
  explicit operator bool() const noexcept { return ok_; }  ///< ok()
  /// Throws delivery::Exception when the result holds an error.
  void value() const {
    if (!ok_) throw Exception(error_);
  }
  const Error& error() const {  ///< The error. Precondition: !ok(); otherwise throws std::logic_error.
    if (ok_) throw std::logic_error("delivery::Result::error() called on a successful result");
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

DELIVERY_NAMESPACE_END
