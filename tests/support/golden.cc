#include "support/golden.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "support/vectors.h"

namespace delivery::test {
namespace {

[[noreturn]] void fail(std::size_t line, const std::string& what) {
  throw std::runtime_error("golden file, line " + std::to_string(line) + ": " + what);
}

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `text` starts on line `firstLine` of the file.
std::string decodeHex(std::string_view text, std::size_t firstLine) {
  std::string out;
  std::size_t line = firstLine;
  int high = -1;
  bool inComment = false;
  for (char c : text) {
    if (c == '\n') {
      ++line;
      inComment = false;
      continue;
    }
    if (inComment) continue;
    if (c == '#') {
      inComment = true;
      continue;
    }
    if (c == ' ' || c == '\t') continue;
    const int v = hexValue(c);
    if (v < 0) fail(line, std::string("not a hexadecimal digit: '") + c + "'");
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<char>(high * 16 + v));
      high = -1;
    }
  }
  if (high >= 0) fail(line, "odd number of hexadecimal digits in the body");
  return out;
}

}  // namespace

bool GoldenRequest::hasSource() const {
  return std::any_of(comments.begin(), comments.end(),
                     [](const std::string& c) { return c.rfind("# source:", 0) == 0; });
}

GoldenRequest parseGolden(std::string_view text, GoldenBody kind) {
  GoldenRequest g;
  std::size_t pos = 0;
  std::size_t line = 0;
  // The next line without its '\n'; false at the end of the text.
  auto next = [&](std::string_view& out) {
    if (pos >= text.size()) return false;
    const std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) fail(line + 1, "the line does not end with a line feed");
    out = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (out.find('\r') != std::string_view::npos) fail(line, "carriage return (write the file with LF line ends)");
    return true;
  };

  std::string_view l;
  while (true) {
    if (!next(l)) fail(line, "no request line");
    if (l.empty() || l[0] != '#') break;
    g.comments.emplace_back(l);
  }

  const std::size_t space = l.find(' ');
  if (space == std::string_view::npos || l.find(' ', space + 1) != std::string_view::npos) {
    fail(line, "the request line must be \"METHOD /path[?query]\"");
  }
  g.method = std::string(l.substr(0, space));
  g.target = std::string(l.substr(space + 1));
  if (g.method != "GET" && g.method != "POST" && g.method != "PUT" && g.method != "DELETE") {
    fail(line, "unknown method \"" + g.method + "\"");
  }
  if (g.target.empty() || g.target[0] != '/') fail(line, "the target must start with '/'");

  while (true) {
    if (!next(l)) fail(line, "no blank line after the request line and headers");
    if (l.empty()) break;
    constexpr std::string_view kContentType = "Content-Type: ";
    if (l.rfind(kContentType, 0) != 0) fail(line, "only a \"Content-Type: \" line may follow the request line");
    if (g.contentType) fail(line, "Content-Type given twice");
    g.contentType = std::string(l.substr(kContentType.size()));
  }

  const std::string_view rest = text.substr(pos);
  if (kind == GoldenBody::Hex) {
    g.body = decodeHex(rest, line + 1);
  } else if (!rest.empty()) {
    if (rest.back() != '\n') fail(line + 1, "the body must be followed by one final line feed");
    g.body = std::string(rest.substr(0, rest.size() - 1));
  }
  return g;
}

GoldenRequest readGolden(const std::string& relativePath) {
  GoldenBody kind;
  if (endsWith(relativePath, ".http")) {
    kind = GoldenBody::Raw;
  } else if (endsWith(relativePath, ".txt")) {
    kind = GoldenBody::Hex;
  } else {
    throw std::runtime_error("golden file " + relativePath + ": expected a .http or .txt file");
  }
  const std::string text = readDataFile("golden/" + relativePath);
  try {
    return parseGolden(text, kind);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(relativePath + ": " + e.what());
  }
}

std::vector<std::string> listGoldenFiles() {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(DELIVERY_TEST_DATA_DIR) / "golden";
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    out.push_back(entry.path().lexically_relative(root).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace delivery::test
