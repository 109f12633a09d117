#include "core/crypto.h"

// The one-shot digest functions (MD5_*, SHA1_*, SHA256_*) are deprecated in OpenSSL 3 in favour
// of EVP, but EVP's per-call dispatch costs as much as hashing a whole request here. Tablestore
// signs every request and checks every response with HMAC-SHA1, so the direct functions are used.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/md5.h>
#include <openssl/sha.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace delivery::detail {

struct HmacKey::State {
  Algorithm algorithm = Algorithm::Sha1;
  SHA_CTX sha1Inner{}, sha1Outer{};
  SHA256_CTX sha256Inner{}, sha256Outer{};
  ~State() {
    OPENSSL_cleanse(&sha1Inner, sizeof sha1Inner);
    OPENSSL_cleanse(&sha1Outer, sizeof sha1Outer);
    OPENSSL_cleanse(&sha256Inner, sizeof sha256Inner);
    OPENSSL_cleanse(&sha256Outer, sizeof sha256Outer);
  }
};

HmacKey::HmacKey(Algorithm algorithm, std::string_view key) {
  constexpr std::size_t kBlock = 64;  // SHA-1 and SHA-256 block size
  auto state = std::make_shared<State>();
  state->algorithm = algorithm;
  unsigned char k[kBlock] = {0};
  if (key.size() > kBlock) {
    // A key longer than a block is replaced by its digest (RFC 2104).
    if (algorithm == Algorithm::Sha1) {
      SHA1(reinterpret_cast<const unsigned char*>(key.data()), key.size(), k);
    } else {
      SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), k);
    }
  } else {
    std::memcpy(k, key.data(), key.size());
  }
  unsigned char ipad[kBlock], opad[kBlock];
  for (std::size_t i = 0; i < kBlock; ++i) {
    ipad[i] = static_cast<unsigned char>(k[i] ^ 0x36);
    opad[i] = static_cast<unsigned char>(k[i] ^ 0x5c);
  }
  if (algorithm == Algorithm::Sha1) {
    SHA1_Init(&state->sha1Inner);
    SHA1_Update(&state->sha1Inner, ipad, kBlock);
    SHA1_Init(&state->sha1Outer);
    SHA1_Update(&state->sha1Outer, opad, kBlock);
  } else {
    SHA256_Init(&state->sha256Inner);
    SHA256_Update(&state->sha256Inner, ipad, kBlock);
    SHA256_Init(&state->sha256Outer);
    SHA256_Update(&state->sha256Outer, opad, kBlock);
  }
  OPENSSL_cleanse(k, sizeof k);
  OPENSSL_cleanse(ipad, sizeof ipad);
  OPENSSL_cleanse(opad, sizeof opad);
  state_ = std::move(state);
}

std::size_t HmacKey::signInto(std::string_view data, unsigned char* out) const {
  if (!state_) throw std::logic_error("HmacKey::sign on an empty key");
  // The keyed states are copied, never written: concurrent calls share them safely.
  if (state_->algorithm == Algorithm::Sha1) {
    unsigned char inner[SHA_DIGEST_LENGTH];
    SHA_CTX c = state_->sha1Inner;
    SHA1_Update(&c, data.data(), data.size());
    SHA1_Final(inner, &c);
    c = state_->sha1Outer;
    SHA1_Update(&c, inner, sizeof inner);
    SHA1_Final(out, &c);
    OPENSSL_cleanse(&c, sizeof c);
    return SHA_DIGEST_LENGTH;
  }
  unsigned char inner[SHA256_DIGEST_LENGTH];
  SHA256_CTX c = state_->sha256Inner;
  SHA256_Update(&c, data.data(), data.size());
  SHA256_Final(inner, &c);
  c = state_->sha256Outer;
  SHA256_Update(&c, inner, sizeof inner);
  SHA256_Final(out, &c);
  OPENSSL_cleanse(&c, sizeof c);
  return SHA256_DIGEST_LENGTH;
}

std::string HmacKey::sign(std::string_view data) const {
  unsigned char out[SHA256_DIGEST_LENGTH];
  const std::size_t n = signInto(data, out);
  return std::string(reinterpret_cast<char*>(out), n);
}

void md5Into(std::string_view data, unsigned char* out) noexcept {
  MD5(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
}

std::string md5(std::string_view data) {
  unsigned char out[MD5_DIGEST_LENGTH];
  md5Into(data, out);
  return std::string(reinterpret_cast<char*>(out), sizeof out);
}
std::string sha256(std::string_view data) {
  unsigned char out[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
  return std::string(reinterpret_cast<char*>(out), sizeof out);
}
std::string hmacSha1(std::string_view key, std::string_view data) {
  return HmacKey(HmacKey::Algorithm::Sha1, key).sign(data);
}
std::string hmacSha256(std::string_view key, std::string_view data) {
  return HmacKey(HmacKey::Algorithm::Sha256, key).sign(data);
}

std::string base64Encode(std::string_view bytes) {
  std::string out;
  base64Append(bytes, out);
  return out;
}

std::size_t base64Into(std::string_view bytes, char* out) noexcept {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char* const start = out;
  std::size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
    *out++ = kAlphabet[(v >> 18) & 63];
    *out++ = kAlphabet[(v >> 12) & 63];
    *out++ = kAlphabet[(v >> 6) & 63];
    *out++ = kAlphabet[v & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest != 0) {
    const unsigned v = (p[i] << 16) | (rest == 2 ? p[i + 1] << 8 : 0);
    *out++ = kAlphabet[(v >> 18) & 63];
    *out++ = kAlphabet[(v >> 12) & 63];
    *out++ = rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    *out++ = '=';
  }
  return static_cast<std::size_t>(out - start);
}

void base64Append(std::string_view bytes, std::string& out) {
  const std::size_t at = out.size();
  out.resize(at + base64Length(bytes.size()));
  base64Into(bytes, out.data() + at);
}

std::string hexEncode(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

bool constantTimeEquals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace delivery::detail
