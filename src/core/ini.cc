#include "core/ini.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/text.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

Result<IniFile> parseIni(std::string_view text) {
  IniFile ini;
  std::map<std::string, std::string>* current = nullptr;
  std::size_t lineNo = 0;
  while (!text.empty()) {
    ++lineNo;
    const std::size_t end = text.find('\n');
    std::string_view line = trimView(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3) {
        return Error(ErrorKind::InvalidArgument, "line " + std::to_string(lineNo) + " is not a [section] line");
      }
      current = &ini.sections[std::string(trimView(line.substr(1, line.size() - 2)))];
      continue;
    }
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos || current == nullptr) {
      return Error(ErrorKind::InvalidArgument, "line " + std::to_string(lineNo) +
                                                   (current == nullptr ? " comes before any [section]" : " is not key = value"));
    }
    (*current)[std::string(trimView(line.substr(0, eq)))] = std::string(trimView(line.substr(eq + 1)));
  }
  return ini;
}

Result<FoundConfigFile> firstConfigFile(const std::vector<std::string>& candidates) {
  if (candidates.empty()) return FoundConfigFile{std::nullopt, "no home directory"};
  for (const std::string& path : candidates) {
    auto text = readFileIfPresent(path);
    if (!text) return text.error();
    if (*text) return FoundConfigFile{ConfigFile{path, std::move(**text)}, {}};
  }
  std::string names;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    names += (i == 0 ? "" : i + 1 == candidates.size() ? " and " : ", ") + candidates[i];
  }
  return FoundConfigFile{std::nullopt, names + (candidates.size() == 1 ? " does not exist" : " do not exist")};
}

Result<IniFile> parseIniFile(const ConfigFile& file) {
  auto ini = parseIni(file.text);
  if (!ini) return Error(ErrorKind::InvalidArgument, file.path + ": " + ini.error().message);
  return ini;
}

Result<std::optional<std::string>> readFileIfPresent(const std::string& path, std::size_t maxBytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::optional<std::string>();
    return Error(ErrorKind::InvalidArgument, "cannot read " + path + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) return Error(ErrorKind::InvalidArgument, path + " is not a regular file");
  if (static_cast<std::size_t>(st.st_size) > maxBytes) {
    return Error(ErrorKind::InvalidArgument, path + " is larger than " + std::to_string(maxBytes) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(ErrorKind::InvalidArgument, "cannot open " + path);
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return Error(ErrorKind::InvalidArgument, "cannot read " + path);
  return std::optional<std::string>(out.str());
}

std::string homeDirectory() { return envText("HOME"); }

std::vector<std::string> configFileCandidates(const std::string& chosen, const char* variable, const std::string& home,
                                              std::initializer_list<const char*> underHome) {
  if (!chosen.empty()) return {chosen};
  if (std::string v = envText(variable); !v.empty()) return {v};
  std::vector<std::string> out;
  if (home.empty()) return out;
  for (const char* relative : underHome) out.push_back(home + relative);
  return out;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
