#pragma once
// Golden request files (tests/data/golden, format in tests/data/golden/README.md): the request line,
// the Content-Type and the body bytes an operation must send, written from the vendor documents.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delivery::test {

struct GoldenRequest {
  std::vector<std::string> comments;        ///< the leading '#' lines, '#' included
  std::string method;                       ///< "GET", "POST", "PUT" or "DELETE"
  std::string target;                       ///< path, then '?' and the query when there is one
  std::optional<std::string> contentType;   ///< nullopt: the request must carry no Content-Type
  std::string body;                         ///< the exact bytes

  /// Whether a comment line starts with "# source:".
  bool hasSource() const;
};

enum class GoldenBody {
  Raw,  ///< `.http`: the body is the text after the blank line, less the file's final line feed
  Hex,  ///< `.txt`: the body is hexadecimal digit pairs; '#' comments and whitespace are ignored
};

/// Parses the text of a golden file. Throws std::runtime_error naming the line of any mistake.
GoldenRequest parseGolden(std::string_view text, GoldenBody kind);

/// Reads tests/data/golden/<relativePath>; the extension chooses the body kind.
GoldenRequest readGolden(const std::string& relativePath);

/// Every golden file under tests/data/golden (README.md excluded), as sorted relative paths.
std::vector<std::string> listGoldenFiles();

}  // namespace delivery::test
