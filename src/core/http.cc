#include "delivery/core/http.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "core/url.h"

DELIVERY_NAMESPACE_BEGIN

const char* toString(HttpMethod method) noexcept {
  switch (method) {
    case HttpMethod::Get: return "GET";
    case HttpMethod::Post: return "POST";
    case HttpMethod::Put: return "PUT";
    case HttpMethod::Delete: return "DELETE";
  }
  return "POST";
}

bool Headers::namesEqual(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (detail::asciiLower(a[i]) != detail::asciiLower(b[i])) return false;
  }
  return true;
}

void Headers::set(std::string name, std::string value) {
  for (auto it = fields_.begin(); it != fields_.end(); ++it) {
    if (namesEqual(it->first, name)) {
      it->first = std::move(name);
      it->second = std::move(value);
      fields_.erase(std::remove_if(it + 1, fields_.end(), [&](const Field& f) { return namesEqual(f.first, it->first); }),
                    fields_.end());
      return;
    }
  }
  fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }

const std::string* Headers::find(std::string_view name) const {
  for (const auto& f : fields_) {
    if (namesEqual(f.first, name)) return &f.second;
  }
  return nullptr;
}

std::string Headers::get(std::string_view name) const {
  const std::string* v = find(name);
  return v ? *v : std::string();
}

std::size_t Headers::remove(std::string_view name) {
  const auto before = fields_.size();
  fields_.erase(std::remove_if(fields_.begin(), fields_.end(), [&](const Field& f) { return namesEqual(f.first, name); }),
                fields_.end());
  return before - fields_.size();
}

void detail::appendAuthority(const Endpoint& endpoint, std::string& out) {
  const bool ipv6 = endpoint.host.find(':') != std::string::npos;
  if (ipv6) out += '[';
  out += endpoint.host;
  if (ipv6) out += ']';
  if (endpoint.port != 0) {
    out += ':';
    out += std::to_string(endpoint.port);
  }
}

void detail::appendUrl(const HttpRequest& request, std::string& out) {
  out += request.endpoint.scheme;
  out += "://";
  appendAuthority(request.endpoint, out);
  out += request.path.empty() ? "/" : request.path;
  char sepChar = '?';
  for (const auto& [k, v] : request.query) {
    out += sepChar;
    out += percentEncode(k);
    out += '=';
    out += percentEncode(v);
    sepChar = '&';
  }
}

std::string Endpoint::authority() const {
  std::string out;
  detail::appendAuthority(*this, out);
  return out;
}

std::string Endpoint::toString() const { return scheme + "://" + authority(); }

Result<Endpoint> Endpoint::parse(std::string_view url) {
  auto fail = [&](const std::string& why) {
    return Error(ErrorKind::InvalidArgument, "endpoint \"" + detail::safeText(url, 256) + "\": " + why);
  };
  Endpoint ep;
  const auto sep = url.find("://");
  if (sep == std::string_view::npos) return fail("must start with http:// or https://");
  std::string scheme(url.substr(0, sep));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](char c) { return detail::asciiLower(c); });
  if (scheme != "http" && scheme != "https") return fail("scheme must be http or https");
  ep.scheme = scheme;
  std::string_view rest = url.substr(sep + 3);
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find_first_of("/?#@") != std::string_view::npos) {
    return fail("must be scheme://host[:port] with no path, query or user info");
  }
  std::string_view hostPart = rest;
  std::string_view portPart;
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) return fail("unterminated IPv6 literal");
    hostPart = rest.substr(1, close - 1);
    std::string_view after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return fail("unexpected text after the IPv6 literal");
      portPart = after.substr(1);
      if (portPart.empty()) return fail("empty port");
    }
    if (hostPart.empty() || hostPart.size() > 45 ||  // the longest textual IPv6 address
        hostPart.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos) {
      return fail("invalid IPv6 literal");
    }
  } else {
    const auto colon = rest.rfind(':');
    if (colon != std::string_view::npos) {
      hostPart = rest.substr(0, colon);
      portPart = rest.substr(colon + 1);
      if (portPart.empty()) return fail("empty port");
    }
    if (hostPart.empty()) return fail("missing host");
    // RFC 1035: a name is at most 253 characters in labels of at most 63.
    if (hostPart.size() > 253) return fail("host must be at most 253 characters");
    for (std::size_t start = 0; start <= hostPart.size();) {
      std::size_t dot = hostPart.find('.', start);
      if (dot == std::string_view::npos) dot = hostPart.size();
      if (dot - start > 63) return fail("each dot-separated part of the host must be at most 63 characters");
      start = dot + 1;
    }
    for (char c : hostPart) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) {
        return fail("host may contain only letters, digits, '.', '-' and '_'");
      }
    }
  }
  if (!portPart.empty()) {
    if (portPart.size() > 5 || portPart.find_first_not_of("0123456789") != std::string_view::npos) {
      return fail("port must be a number from 1 to 65535");
    }
    const unsigned long p = std::stoul(std::string(portPart));
    if (p == 0 || p > 65535) return fail("port must be a number from 1 to 65535");
    ep.port = static_cast<std::uint16_t>(p);
  }
  ep.host = std::string(hostPart);
  return ep;
}

std::string HttpRequest::url() const {
  std::string u;
  detail::appendUrl(*this, u);
  return u;
}

DELIVERY_NAMESPACE_END
