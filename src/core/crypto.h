#pragma once

#include "delivery/export.h"
// Hashes, HMACs and encodings on OpenSSL's digest functions (internal). Outputs are raw bytes
// unless the name says otherwise.

#include <memory>
#include <string>
#include <string_view>

DELIVERY_NAMESPACE_BEGIN namespace detail {

std::string md5(std::string_view data);
/// MD5 of `data` into `out` (16 bytes). Allocates nothing.
void md5Into(std::string_view data, unsigned char* out) noexcept;
std::string sha256(std::string_view data);
/// SHA-256 of `data` into `out` (32 bytes), hashed where it lies. Allocates nothing.
void sha256Into(std::string_view data, unsigned char* out) noexcept;

/// SHA-256 of a message given in pieces, for text that never needs to exist in one buffer (a
/// canonical request). Allocates nothing.
class Sha256 {
 public:
  static constexpr std::size_t kLength = 32;
  Sha256() noexcept;
  void update(std::string_view data) noexcept;
  /// The digest into `out` (kLength bytes); the object must not be updated afterwards.
  void finish(unsigned char* out) noexcept;

 private:
  // OpenSSL's SHA256_CTX (112 bytes; crypto.cc checks the size), so that this header needs none
  // of OpenSSL's.
  alignas(8) unsigned char state_[112];
};
std::string hmacSha1(std::string_view key, std::string_view data);
std::string hmacSha256(std::string_view key, std::string_view data);

/// An HMAC key with the keyed digest states computed once (the ipad and opad blocks absorbed), so
/// each signature only hashes the message: a client signs every request and checks every response
/// with the same secret. Copies share the state; sign() is safe to call from many threads.
class HmacKey {
 public:
  enum class Algorithm { Sha1, Sha256 };
  HmacKey() = default;
  HmacKey(Algorithm algorithm, std::string_view key);
  bool empty() const noexcept { return state_ == nullptr; }
  /// Raw MAC of `data`, equal to hmacSha1/hmacSha256(key, data).
  std::string sign(std::string_view data) const;
  /// The same into `out` (at least 32 bytes); returns its length (20 or 32). Allocates nothing.
  std::size_t signInto(std::string_view data, unsigned char* out) const;

 private:
  struct State;
  std::shared_ptr<const State> state_;
};

std::string base64Encode(std::string_view bytes);
/// Appends the Base64 of `bytes` to `out`.
void base64Append(std::string_view bytes, std::string& out);
/// The length of the Base64 text of `n` bytes.
constexpr std::size_t base64Length(std::size_t n) noexcept { return (n + 2) / 3 * 4; }
/// Writes the Base64 of `bytes` to `out` (base64Length(bytes.size()) chars, no terminator) and
/// returns that length. Allocates nothing.
std::size_t base64Into(std::string_view bytes, char* out) noexcept;
/// The length of Base64(MD5(x)), as Content-MD5 style headers carry it.
inline constexpr std::size_t kBase64Md5Length = base64Length(16);
/// Base64(MD5(data)) into `out` (kBase64Md5Length chars, no terminator). Allocates nothing.
void base64Md5Into(std::string_view data, char* out) noexcept;
/// Lower-case hex.
std::string hexEncode(std::string_view bytes);
/// Lower-case hex of `bytes` into `out` (2 * bytes.size() chars, no terminator). Allocates nothing.
void hexInto(std::string_view bytes, char* out) noexcept;
/// The bytes of hex text (either case, no separators); false, with `out` unspecified, when `hex`
/// has an odd length or a character that is not a hex digit.
bool hexDecode(std::string_view hex, std::string& out);

/// Compares in time independent of where the first difference is.
bool constantTimeEquals(std::string_view a, std::string_view b) noexcept;

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
