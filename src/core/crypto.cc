#include "core/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace delivery::detail {
namespace {

// OpenSSL 3 looks algorithms up by name on every one-shot call (HMAC(), EVP_Digest()), which
// costs more than hashing a small request. The digests are fetched once per process and the
// digest context is reused per thread, and HMAC is built from the digest (RFC 2104).
enum class Algo { Md5, Sha1, Sha256 };

const EVP_MD* fetched(Algo a) {
  static const EVP_MD* md5 = EVP_MD_fetch(nullptr, "MD5", nullptr);
  static const EVP_MD* sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
  static const EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  const EVP_MD* md = a == Algo::Md5 ? md5 : a == Algo::Sha1 ? sha1 : sha256;
  if (md == nullptr) throw std::runtime_error("OpenSSL digest unavailable");
  return md;
}

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

EVP_MD_CTX* threadContext() {
  thread_local std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  return ctx.get();
}

class Hasher {
 public:
  explicit Hasher(Algo a) : ctx_(threadContext()) {
    if (EVP_DigestInit_ex2(ctx_, fetched(a), nullptr) != 1) throw std::runtime_error("EVP_DigestInit_ex2 failed");
  }
  void update(std::string_view d) { EVP_DigestUpdate(ctx_, d.data(), d.size()); }
  std::string finish() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx_, out, &len);
    return std::string(reinterpret_cast<char*>(out), len);
  }

 private:
  EVP_MD_CTX* ctx_;
};

std::string digest(Algo a, std::string_view data) {
  Hasher h(a);
  h.update(data);
  return h.finish();
}

std::string hmac(Algo a, std::string_view key, std::string_view data) {
  constexpr std::size_t kBlock = 64;  // SHA-1 and SHA-256 block size
  unsigned char k[kBlock] = {0};
  if (key.size() > kBlock) {
    const std::string hk = digest(a, key);
    std::memcpy(k, hk.data(), hk.size());
  } else {
    std::memcpy(k, key.data(), key.size());
  }
  char ipad[kBlock], opad[kBlock];
  for (std::size_t i = 0; i < kBlock; ++i) {
    ipad[i] = static_cast<char>(k[i] ^ 0x36);
    opad[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  Hasher inner(a);
  inner.update(std::string_view(ipad, kBlock));
  inner.update(data);
  const std::string innerHash = inner.finish();
  Hasher outer(a);
  outer.update(std::string_view(opad, kBlock));
  outer.update(innerHash);
  std::string out = outer.finish();
  OPENSSL_cleanse(k, sizeof k);
  OPENSSL_cleanse(ipad, sizeof ipad);
  OPENSSL_cleanse(opad, sizeof opad);
  return out;
}

}  // namespace

std::string md5(std::string_view data) { return digest(Algo::Md5, data); }
std::string sha256(std::string_view data) { return digest(Algo::Sha256, data); }
std::string hmacSha1(std::string_view key, std::string_view data) { return hmac(Algo::Sha1, key, data); }
std::string hmacSha256(std::string_view key, std::string_view data) { return hmac(Algo::Sha256, key, data); }

std::string base64Encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const unsigned v = p[i] << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (rest == 2) {
    const unsigned v = (p[i] << 16) | (p[i + 1] << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
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
