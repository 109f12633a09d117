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

  using Section = std::map<std::string, std::string>;  ///< key -> value

  /// The section, or nullptr.
  const Section* section(const std::string& name) const {
    auto it = sections.find(name);
    return it == sections.end() ? nullptr : &it->second;
  }
  /// The value of `key` in `section`; "" when it has none.
  static std::string value(const Section& section, const char* key) {
    auto it = section.find(key);
    return it == section.end() ? std::string() : it->second;
  }
};

/// An InvalidArgument error naming the line when a line is none of the above (a key before any
/// section, a line without '=', an unclosed '[').
Result<IniFile> parseIni(std::string_view text);

/// The file's contents; nullopt when it does not exist; an error when it exists but cannot be read
/// or is larger than `maxBytes`.
Result<std::optional<std::string>> readFileIfPresent(const std::string& path, std::size_t maxBytes = 1024 * 1024);

/// A configuration file that exists: where it is and what it holds.
struct ConfigFile {
  std::string path;
  std::string text;
};

/// The first of `candidates` (configFileCandidates) that exists; none when none does, with why:
/// "no home directory" (no candidate), "<path> does not exist", "<a> and <b> do not exist".
struct FoundConfigFile {
  std::optional<ConfigFile> file;
  std::string whyAbsent;  ///< empty when found
};

/// Looks for the first of `candidates` that exists; an error when one exists but cannot be read
/// (readFileIfPresent).
Result<FoundConfigFile> firstConfigFile(const std::vector<std::string>& candidates);

/// parseIni of the file's text; its error starts with the file's path ("<path>: ...").
Result<IniFile> parseIniFile(const ConfigFile& file);

/// $HOME, or "" when unset.
std::string homeDirectory();

/// Where to look for a configuration file: `chosen` when set, else the environment variable
/// `variable` when set, else each of `underHome` below `home`; empty when `home` is empty too.
std::vector<std::string> configFileCandidates(const std::string& chosen, const char* variable, const std::string& home,
                                              std::initializer_list<const char*> underHome);

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
