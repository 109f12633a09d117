// The field-table machinery every family's models use: accessors, validation, JSON both ways.

#include <catch2/catch.hpp>

#include "huawei/json_fields.h"

namespace sample {

#define SAMPLE_COLOUR(X) X(RED, "red") X(DARK_BLUE, "dark-blue")
DELIVERY_ENUM(Colour, SAMPLE_COLOUR)

#define SAMPLE_LEVEL(X) X(LOW, 1, "low") X(HIGH, 7, "high")
DELIVERY_ENUM_NUMBERED(Level, SAMPLE_LEVEL)

#define SAMPLE_PART_FIELDS(X)                                                      \
  X(VALUE, std::string, Label, "label", , ::delivery::field::text(1, 8))          \
  X(OPTIONAL, Colour, Colour, "colour", , ::delivery::field::any())

class Part {
  DELIVERY_MESSAGE(Part, SAMPLE_PART_FIELDS)
};

#define SAMPLE_BOX_FIELDS(X)                                                                              \
  X(VALUE, std::string, Name, "name", ,                                                                   \
    ::delivery::field::text(1, 16).chars(::delivery::field::kNameChars, "must be letters, digits, '-', '_'")) \
  X(VALUE, int, Interval, "interval", = 300, ::delivery::field::range(30, 900))                           \
  X(OPTIONAL, std::string, Secret, "secret", , ::delivery::field::any().hidden())                         \
  X(OPTIONAL, bool, Flag, "flag", , ::delivery::field::any().asText())                                    \
  X(OPTIONAL, Part, Main, "main", , ::delivery::field::any())                                             \
  X(VALUE, std::vector<Part>, Parts, "parts", , ::delivery::field::any().size(0, 2))

class Box {
  DELIVERY_MESSAGE(Box, SAMPLE_BOX_FIELDS)
};

// A hand-written rule beside the table.
void checkCrossRules(const Box& box, const delivery::detail::Path& path, std::vector<delivery::FieldViolation>& out) {
  if (box.getFlag() && !box.getSecret()) out.push_back({delivery::detail::Path(path, "secret").str(), "is required with flag"});
}

}  // namespace sample

using sample::Box;
using sample::Colour;
using sample::Part;

TEST_CASE("enum tables give the wire text, the count and the parser", "[message]") {
  CHECK(std::string(toString(Colour::DARK_BLUE)) == "dark-blue");
  CHECK(delivery::enumCount<Colour>() == 2);
  CHECK(delivery::enumFromText<Colour>("red") == Colour::RED);
  CHECK_FALSE(delivery::enumFromText<Colour>("RED").has_value());
  CHECK(static_cast<int>(sample::Level::HIGH) == 7);
  CHECK(std::string(toString(sample::Level::HIGH)) == "high");
  CHECK(std::string(toString(static_cast<sample::Level>(3))).empty());
  CHECK_FALSE(delivery::isKnownEnum(static_cast<Colour>(2)));
}

TEST_CASE("a message table gives chaining accessors, defaults and clear", "[message]") {
  Box box;
  CHECK(box.getInterval() == 300);
  box.setName("b1").setSecret("s").setFlag(true).clearFlag();
  CHECK(box.getName() == "b1");
  CHECK_FALSE(box.getFlag().has_value());
  CHECK(box.getSecret() == std::optional<std::string>("s"));
}

TEST_CASE("validation walks the table, names each violation by wire path, and runs the hand-written rules",
          "[message]") {
  Box box;
  box.setName("bad name!").setInterval(5).setFlag(true).setMain(Part().setColour(static_cast<Colour>(9)));
  box.setParts({Part().setLabel("ok"), Part().setLabel("much too long"), Part().setLabel("x")});
  std::vector<delivery::FieldViolation> out;
  delivery::detail::checkMessage(box, delivery::detail::Path(), out);
  std::vector<delivery::FieldViolation> expected = {
      {"name", "must be letters, digits, '-', '_'"},
      {"interval", "must be between 30 and 900"},
      {"main.label", "is required"},
      {"main.colour", "is not a known Colour"},
      {"parts", "must have 0 to 2 items"},
      {"parts[1].label", "must be at most 8 bytes"},
      {"secret", "is required with flag"},
  };
  std::string got;
  for (const auto& v : out) got += v.field + ": " + v.message + "\n";
  INFO(got);
  CHECK(out == expected);
}

TEST_CASE("the JSON writer and reader follow the table", "[message]") {
  Box box;
  box.setName("b1").setSecret("pw").setFlag(false).setMain(Part().setLabel("m").setColour(Colour::DARK_BLUE));
  box.setParts({Part().setLabel("p")});
  auto text = [&](bool redact) {
    rapidjson::StringBuffer buffer;
    delivery::huawei::detail::JsonWriter w(buffer);
    delivery::huawei::detail::WriteOptions options;
    options.redactSecrets = redact;
    options.integerAsText = redact ? "interval" : "";
    delivery::huawei::detail::writeObject(w, box, options);
    return delivery::huawei::detail::toText(buffer);
  };
  CHECK(text(false) ==
        R"({"name":"b1","interval":300,"secret":"pw","flag":"false","main":{"label":"m","colour":"dark-blue"},)"
        R"("parts":[{"label":"p"}]})");
  CHECK(text(true) ==
        R"({"name":"b1","interval":"300","secret":"<redacted>","flag":"false","main":{"label":"m","colour":"dark-blue"},)"
        R"("parts":[{"label":"p"}]})");

  auto doc = delivery::huawei::detail::parseObject(
      R"({"name":"n","interval":"45","flag":"on","main":{"label":7,"colour":"green"},"parts":[{"label":"a"},3],"extra":1})");
  REQUIRE(doc);
  std::vector<delivery::FieldViolation> problems;
  delivery::huawei::detail::FieldReader reader(problems);
  Box read;
  reader.readObject(*doc, delivery::detail::Path(), read);
  CHECK(read.getName() == "n");
  CHECK(read.getInterval() == 45);
  CHECK(read.getFlag() == std::optional<bool>(true));
  REQUIRE(read.getParts().size() == 1);
  CHECK(read.getParts()[0].getLabel() == "a");
  std::vector<delivery::FieldViolation> expected = {
      {"main.label", "must be a string"},
      {"main.colour", "unknown value \"green\""},
      {"parts[1]", "must be an object"},
  };
  CHECK(problems == expected);
}

// Rule flags for what a table alone cannot say (added for DMS Kafka): URL parameters, rules written
// by hand at a field's place, optionals always on the wire, strings the wire may carry as numbers.
namespace sample {

// A shape of one value that a table rule cannot say, checked at the field's place.
void oddLength(const std::string& value, const delivery::detail::Path& path, std::vector<delivery::FieldViolation>& out) {
  if (value.size() % 2 == 0) out.push_back({path.str(), "must have an odd length"});
}

#define SAMPLE_CALL_FIELDS(X)                                                                                   \
  X(VALUE, std::string, Id, "the_id", , ::delivery::field::text(1, 4).urlParameter())                           \
  X(OPTIONAL, std::string, Always, "always", , ::delivery::field::any().sentEmptyWhenUnset())                   \
  X(VALUE, std::string, Odd, "odd", , ::delivery::field::required().checkedBy(oddLength))                      \
  X(OPTIONAL, Colour, Tint, "tint", , ::delivery::field::any().message("must be red or dark-blue"))             \
  X(VALUE, std::string, Count, "count", , ::delivery::field::any().asText())

class Call {
  DELIVERY_MESSAGE(Call, SAMPLE_CALL_FIELDS)
};

}  // namespace sample

TEST_CASE("rule flags: URL parameters, hand-checked fields, always-sent optionals, numbers as text", "[message]") {
  sample::Call call;
  call.setId("too-long").setOdd("ab").setTint(static_cast<Colour>(4));
  std::vector<delivery::FieldViolation> out;
  delivery::detail::checkMessage(call, delivery::detail::Path(), out);
  std::vector<delivery::FieldViolation> expected = {
      {"the_id", "must be at most 4 bytes"},
      {"odd", "must have an odd length"},
      {"tint", "must be red or dark-blue"},
  };
  CHECK(out == expected);
  out.clear();
  delivery::detail::checkMessage(sample::Call().setId("x"), delivery::detail::Path(), out);
  CHECK(out == std::vector<delivery::FieldViolation>{{"odd", "is required"}});

  rapidjson::StringBuffer buffer;
  delivery::huawei::detail::JsonWriter w(buffer);
  delivery::huawei::detail::writeObject(w, sample::Call().setId("x").setOdd("abc"), {});
  CHECK(delivery::huawei::detail::toText(buffer) == R"({"always":"","odd":"abc","count":""})");

  auto doc = delivery::huawei::detail::parseObject(R"({"the_id":"body","always":"","odd":"o","count":42})");
  REQUIRE(doc);
  std::vector<delivery::FieldViolation> problems;
  sample::Call read;
  read.setAlways("before");
  delivery::huawei::detail::FieldReader(problems).readObject(*doc, delivery::detail::Path(), read);
  CHECK(problems.empty());
  CHECK(read.getId().empty());  // a URL parameter is never read from the body
  CHECK_FALSE(read.getAlways());
  CHECK(read.getOdd() == "o");
  CHECK(read.getCount() == "42");
}

TEST_CASE("the SDK's JSON strings are rapidjson's, byte for byte", "[message]") {
  // Every byte value alone, then runs mixing plain text, escapes, DEL and UTF-8, as keys and values
  // inside objects and arrays (where the writer adds ':' and ',').
  std::vector<std::string> texts;
  for (int c = 0; c < 256; ++c) texts.emplace_back(1, static_cast<char>(c));
  texts.emplace_back();
  texts.emplace_back("plain text with no escape at all, long enough to be more than one run of bytes");
  texts.emplace_back(std::string("a\"b\\c/d\x7f" "e\x01\x1f\n\r\t\b\f\xc3\xa9\xf0\x9f\x98\x80 ") + std::string(1, '\0') + "end");
  texts.emplace_back("\"\"\\\\\n\n");
  // Each byte near the escape boundaries (0x22 is the quote, 0x5c the backslash) at every offset
  // of a longer text: the writer tests 8 bytes at a time, so an escape must be found wherever it
  // sits in a word.
  for (const int c : {0x00, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x7f, 0x80, 0xff}) {
    for (std::size_t at = 0; at < 19; ++at) {
      std::string t(19, 'x');
      t[at] = static_cast<char>(c);
      texts.push_back(t);
    }
  }
  auto write = [&](auto& writer, auto&& put) {
    writer.StartObject();
    for (const auto& t : texts) {
      put(t);  // the key
      writer.StartArray();
      put(t);
      put(t);
      writer.EndArray();
    }
    writer.EndObject();
  };
  rapidjson::StringBuffer expected;
  rapidjson::Writer<rapidjson::StringBuffer> reference(expected);
  write(reference, [&](const std::string& t) { reference.String(t.data(), static_cast<rapidjson::SizeType>(t.size())); });
  rapidjson::StringBuffer got;
  delivery::huawei::detail::JsonWriter sdk(got);
  write(sdk, [&](const std::string& t) { delivery::huawei::detail::str(sdk, t); });
  REQUIRE(sdk.IsComplete());
  CHECK(delivery::huawei::detail::toText(got) == delivery::huawei::detail::toText(expected));
}

namespace {
// Writes {"inner":"<the same object one level down, as text>","depth":N}: each level calls
// writeJsonInto with this same type, so every level runs the same instantiation.
struct NestedText {
  int depth;
  void operator()(delivery::huawei::detail::JsonWriter& w) const {
    namespace hd = delivery::huawei::detail;
    w.StartObject();
    if (depth > 0) {
      std::string inner;
      hd::writeJsonInto(inner, NestedText{depth - 1});
      hd::field(w, "inner", inner);
    }
    hd::field(w, "depth", std::int64_t{depth});
    w.EndObject();
  }
};
}  // namespace

TEST_CASE("writeJsonInto may be called again from inside its own write", "[message]") {
  namespace hd = delivery::huawei::detail;
  std::string text;
  hd::writeJsonInto(text, NestedText{2});
  CHECK(text == R"({"inner":"{\"inner\":\"{\\\"depth\\\":0}\",\"depth\":1}","depth":2})");
  // The thread's own writer is free again afterwards.
  hd::writeJsonInto(text, NestedText{0});
  CHECK(text == R"({"depth":0})");
}
