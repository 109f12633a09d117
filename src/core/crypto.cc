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
#include <optional>
#include <stdexcept>

DELIVERY_NAMESPACE_BEGIN namespace detail {

namespace {

// The two hashes HMAC is used with, behind one interface.
template <typename Ctx, std::size_t Length, int (*Init)(Ctx*), int (*Update)(Ctx*, const void*, std::size_t),
          int (*Final)(unsigned char*, Ctx*)>
struct HashOps {
  static constexpr std::size_t kLength = Length;
  static void init(Ctx* c) { Init(c); }
  static void update(Ctx* c, const void* d, std::size_t n) { Update(c, d, n); }
  static void final(unsigned char* out, Ctx* c) { Final(out, c); }
};
template <typename Ctx>
struct Hash;
template <>
struct Hash<SHA_CTX> : HashOps<SHA_CTX, SHA_DIGEST_LENGTH, SHA1_Init, SHA1_Update, SHA1_Final> {};
template <>
struct Hash<SHA256_CTX> : HashOps<SHA256_CTX, SHA256_DIGEST_LENGTH, SHA256_Init, SHA256_Update, SHA256_Final> {};

// The hash states with the ipad and opad blocks of a key absorbed (RFC 2104).
template <typename Ctx>
struct KeyedPair {
  Ctx inner{}, outer{};

  explicit KeyedPair(std::string_view key) {
    using H = Hash<Ctx>;
    constexpr std::size_t kBlock = 64;  // SHA-1 and SHA-256 block size
    unsigned char k[kBlock] = {0};
    if (key.size() > kBlock) {
      // A key longer than a block is replaced by its digest.
      Ctx c;
      H::init(&c);
      H::update(&c, key.data(), key.size());
      H::final(k, &c);
      OPENSSL_cleanse(&c, sizeof c);
    } else {
      std::memcpy(k, key.data(), key.size());
    }
    unsigned char ipad[kBlock], opad[kBlock];
    for (std::size_t i = 0; i < kBlock; ++i) {
      ipad[i] = static_cast<unsigned char>(k[i] ^ 0x36);
      opad[i] = static_cast<unsigned char>(k[i] ^ 0x5c);
    }
    H::init(&inner);
    H::update(&inner, ipad, kBlock);
    H::init(&outer);
    H::update(&outer, opad, kBlock);
    OPENSSL_cleanse(k, sizeof k);
    OPENSSL_cleanse(ipad, sizeof ipad);
    OPENSSL_cleanse(opad, sizeof opad);
  }
  ~KeyedPair() {
    OPENSSL_cleanse(&inner, sizeof inner);
    OPENSSL_cleanse(&outer, sizeof outer);
  }

  /// The MAC of `data` into `out`; the keyed states are copied, never written, so concurrent
  /// calls share them safely.
  std::size_t mac(std::string_view data, unsigned char* out) const {
    using H = Hash<Ctx>;
    unsigned char innerDigest[H::kLength];
    Ctx c = inner;
    H::update(&c, data.data(), data.size());
    H::final(innerDigest, &c);
    c = outer;
    H::update(&c, innerDigest, sizeof innerDigest);
    H::final(out, &c);
    OPENSSL_cleanse(&c, sizeof c);
    return H::kLength;
  }
};

template <typename Ctx>
std::string oneShotHmac(std::string_view key, std::string_view data) {
  unsigned char out[Hash<Ctx>::kLength];
  const std::size_t n = KeyedPair<Ctx>(key).mac(data, out);
  return std::string(reinterpret_cast<char*>(out), n);
}

}  // namespace

struct HmacKey::State {
  std::optional<KeyedPair<SHA_CTX>> sha1;
  std::optional<KeyedPair<SHA256_CTX>> sha256;
};

HmacKey::HmacKey(Algorithm algorithm, std::string_view key) {
  auto state = std::make_shared<State>();
  if (algorithm == Algorithm::Sha1) {
    state->sha1.emplace(key);
  } else {
    state->sha256.emplace(key);
  }
  state_ = std::move(state);
}

std::size_t HmacKey::signInto(std::string_view data, unsigned char* out) const {
  if (!state_) throw std::logic_error("HmacKey::sign on an empty key");
  return state_->sha1 ? state_->sha1->mac(data, out) : state_->sha256->mac(data, out);
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
void sha256Into(std::string_view data, unsigned char* out) noexcept {
  // Not OpenSSL 3's one-shot SHA256(): it fetches the algorithm through EVP on every call, which
  // took 2 to 3 times as long as the hash of a typical request body.
  SHA256_CTX c;
  SHA256_Init(&c);
  SHA256_Update(&c, data.data(), data.size());
  SHA256_Final(out, &c);
}
std::string sha256(std::string_view data) {
  unsigned char out[SHA256_DIGEST_LENGTH];
  sha256Into(data, out);
  return std::string(reinterpret_cast<char*>(out), sizeof out);
}

static_assert(sizeof(SHA256_CTX) <= sizeof(unsigned char[112]) && alignof(SHA256_CTX) <= 8,
              "Sha256::state_ must hold a SHA256_CTX");
static_assert(Sha256::kLength == SHA256_DIGEST_LENGTH);
Sha256::Sha256() noexcept { SHA256_Init(reinterpret_cast<SHA256_CTX*>(state_)); }
void Sha256::update(std::string_view data) noexcept {
  SHA256_Update(reinterpret_cast<SHA256_CTX*>(state_), data.data(), data.size());
}
void Sha256::finish(unsigned char* out) noexcept { SHA256_Final(out, reinterpret_cast<SHA256_CTX*>(state_)); }
std::string hmacSha1(std::string_view key, std::string_view data) { return oneShotHmac<SHA_CTX>(key, data); }
std::string hmacSha256(std::string_view key, std::string_view data) { return oneShotHmac<SHA256_CTX>(key, data); }

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

void base64Md5Into(std::string_view data, char* out) noexcept {
  unsigned char digest[MD5_DIGEST_LENGTH];
  md5Into(data, digest);
  base64Into(std::string_view(reinterpret_cast<char*>(digest), sizeof digest), out);
}

void base64Append(std::string_view bytes, std::string& out) {
  const std::size_t at = out.size();
  out.resize(at + base64Length(bytes.size()));
  base64Into(bytes, out.data() + at);
}

namespace {
// The two hex digits of every byte value, so that each byte costs one two-byte copy.
struct HexPairs {
  char text[512];
  constexpr HexPairs() : text() {
    constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 256; ++i) {
      text[2 * i] = kHex[i >> 4];
      text[2 * i + 1] = kHex[i & 0xF];
    }
  }
};
constexpr HexPairs kHexPairs;
}  // namespace

void hexInto(std::string_view bytes, char* out) noexcept {
  for (unsigned char c : bytes) {
    std::memcpy(out, kHexPairs.text + 2 * c, 2);
    out += 2;
  }
}

std::string hexEncode(std::string_view bytes) {
  std::string out(bytes.size() * 2, '\0');
  hexInto(bytes, out.data());
  return out;
}

bool hexDecode(std::string_view hex, std::string& out) {
  const auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() % 2 != 0) return false;
  out.clear();
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = digit(hex[i]);
    const int lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return true;
}

bool constantTimeEquals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
