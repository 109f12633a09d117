// The JSON form of the emulator's Tablestore messages (wire.h toJson/fromJson), kept apart from
// wire.cc so that the canned Tablestore responses of delivery::testing, which need only the wire
// tables and encode(), build without RapidJSON (a Tablestore-only build does not look for it).
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

#include "emulator/tablestore/wire.h"

namespace delivery::emulator::ots {

using detail::entryFor;
using detail::join;
using detail::valueCount;

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void writeJson(const Message& m, JsonWriter& w) {
  w.StartObject();
  for (const Message::Entry& e : m.entries) {
    const Field& f = *e.field;
    w.Key(f.name.data(), static_cast<rapidjson::SizeType>(f.name.size()));
    if (f.repeated) w.StartArray();
    for (std::int64_t v : e.numbers) {
      if (f.kind == Kind::Enum) {
        const std::string_view name = f.enumType->byNumber(v)->name;
        w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
      } else {
        w.Int64(v);
      }
    }
    for (const std::string& s : e.strings) w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    for (const Message& sub : e.messages) writeJson(sub, w);
    if (f.repeated) w.EndArray();
  }
  w.EndObject();
}

bool readValue(const Field& f, const rapidjson::Value& v, const std::string& path, Message::Entry& e, std::string& error) {
  switch (f.kind) {
    case Kind::String:
      if (!v.IsString()) {
        error = path + " must be a JSON string";
        return false;
      }
      e.strings.emplace_back(v.GetString(), v.GetStringLength());
      return true;
    case Kind::Int64:
      if (!v.IsInt64()) {
        error = path + " must be an integer";
        return false;
      }
      e.numbers.push_back(v.GetInt64());
      return true;
    case Kind::Enum: {
      const EnumValue* value = v.IsString() ? f.enumType->byName(std::string_view(v.GetString(), v.GetStringLength())) : nullptr;
      if (value == nullptr) {
        error = path + " must be one of the " + std::string(f.enumType->name) + " names:";
        for (std::size_t i = 0; i < f.enumType->count; ++i) error += " " + std::string(f.enumType->values[i].name);
        return false;
      }
      e.numbers.push_back(value->number);
      return true;
    }
    case Kind::Message:
      break;
  }
  if (!v.IsObject()) {
    error = path + " must be a JSON object";
    return false;
  }
  Message sub(*f.messageType);
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string_view key(it->name.GetString(), it->name.GetStringLength());
    const Field* child = f.messageType->byName(key);
    if (child == nullptr) {
      error = "unknown key \"" + std::string(key) + "\" in " +
              (path.empty() ? std::string(f.messageType->name) : path + " (" + std::string(f.messageType->name) + ")");
      return false;
    }
    Message::Entry& ce = entryFor(sub, *child);
    const std::string childPath = join(path, child->name);
    if (valueCount(ce) != 0) {
      error = childPath + " appears more than once";
      return false;
    }
    if (child->repeated) {
      if (!it->value.IsArray()) {
        error = childPath + " must be a JSON array";
        return false;
      }
      for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
        if (!readValue(*child, it->value[i], childPath + "[" + std::to_string(i) + "]", ce, error)) return false;
      }
      if (valueCount(ce) == 0) sub.entries.erase(std::find_if(sub.entries.begin(), sub.entries.end(),
                                                              [&](const Message::Entry& x) { return x.field == child; }));
    } else if (!readValue(*child, it->value, childPath, ce, error)) {
      return false;
    }
  }
  e.messages.push_back(std::move(sub));
  return true;
}

}  // namespace

std::string toJson(const Message& message) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  writeJson(message, w);
  return std::string(buffer.GetString(), buffer.GetSize());
}

Result<Message> fromJson(const MessageType& type, std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  if (doc.HasParseError()) return Error(ErrorKind::InvalidArgument, std::string(type.name) + " is not valid JSON");
  // A message built by readValue() through a field that stands for the top level.
  const Field top{0, "", Kind::Message, false, nullptr, &type};
  Message::Entry holder;
  std::string error;
  if (!doc.IsObject()) return Error(ErrorKind::InvalidArgument, std::string(type.name) + " must be a JSON object");
  if (!readValue(top, doc, std::string(), holder, error)) return Error(ErrorKind::InvalidArgument, error);
  return std::move(holder.messages.front());
}

}  // namespace delivery::emulator::ots
