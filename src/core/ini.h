#pragma once
// The INI files the vendors' credential libraries read (internal): "[section]" lines, "key = value"
// lines, blank lines, and comments on lines of their own starting with '#' or ';'. Keys and
// values are trimmed; a value keeps everything after the first '=' (no inline comments: secrets may
// hold '#' or ';'). Section and key names are kept as written.

#include <map>
#include <optional>
#include <initializer_list>
#include <string>
#include <vector>
#include <string_view>

#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

struct IniFile {
  std::map<std::string, std::map<std::string, std::string>> sections;

  /// The section, or nullptr.
  const std::map<std::string, std::string>* section(const std::string& name) const {
    auto it = sections.find(name);
    return it == sections.end() ? nullptr : &it->second;
  }
};

/// An InvalidArgument error naming the line when a line is none of the above (a key before any
/// section, a line without '=', an unclosed '[').
Result<IniFile> parseIni(std::string_view text);

/// The file's contents; nullopt when it does not exist; an error when it exists but cannot be read
/// or is larger than `maxBytes`.
Result<std::optional<std::string>> readFileIfPresent(const std::string& path, std::size_t maxBytes = 1024 * 1024);

/// $HOME, or "" when unset.
std::string homeDirectory();

/// Where to look for a configuration file: `chosen` when set, else the environment variable
/// `variable` when set, else each of `underHome` below `home`; empty when `home` is empty too.
std::vector<std::string> configFileCandidates(const std::string& chosen, const char* variable, const std::string& home,
                                              std::initializer_list<const char*> underHome);

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
