#pragma once
// Hashes, HMACs and encodings on OpenSSL's EVP interface (internal). Outputs are raw bytes unless
// the name says otherwise.

#include <string>
#include <string_view>

namespace delivery::detail {

std::string md5(std::string_view data);
std::string sha256(std::string_view data);
std::string hmacSha1(std::string_view key, std::string_view data);
std::string hmacSha256(std::string_view key, std::string_view data);

std::string base64Encode(std::string_view bytes);
/// Lower-case hex.
std::string hexEncode(std::string_view bytes);

/// Compares in time independent of where the first difference is.
bool constantTimeEquals(std::string_view a, std::string_view b) noexcept;

}  // namespace delivery::detail
