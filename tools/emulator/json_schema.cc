#include "emulator/json_schema.h"

#include <cstring>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace delivery::emulator::schema {
namespace {

std::string quoted(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i != 0) out += i + 1 == values.size() ? " or " : ", ";
    out += '"';
    for (char c : values[i]) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    out += '"';
  }
  return out;
}

const char* typeName(Type t) {
  switch (t) {
    case Type::String: return "a string";
    case Type::Integer: return "an integer";
    case Type::IntegerOrText: return "an integer";
    case Type::Object: return "an object";
    case Type::ObjectArray: return "an array of objects";
    case Type::Boolean: return "true or false";
  }
  return "";
}

void checkKey(const rapidjson::Value& v, const Key& key, const std::string& field, const Options& options,
              std::vector<Problem>& problems) {
  switch (key.type) {
    case Type::String: {
      if (!v.IsString()) break;
      const std::string s(v.GetString(), v.GetStringLength());
      if (!key.values.empty()) {
        bool known = false;
        for (const auto& allowed : key.values) known |= allowed == s;
        if (!known) problems.push_back({field, "must be one of " + quoted(key.values)});
        return;
      }
      if (s.size() < key.minSize || s.size() > key.maxSize) {
        problems.push_back({field, key.sizeMessage != nullptr ? key.sizeMessage : "has a wrong length"});
        return;
      }
      if (key.chars != nullptr) {
        for (char c : s) {
          if (c == '\0' || std::strchr(key.chars, c) == nullptr) {
            problems.push_back({field, key.charsMessage});
            return;
          }
        }
      }
      return;
    }
    case Type::Integer:
    case Type::IntegerOrText: {
      std::int64_t n = 0;
      if (key.type == Type::Integer ? !v.IsInt64() : !integerValue(v, n)) break;
      if (key.type == Type::Integer) n = v.GetInt64();
      if (n < key.min || n > key.max) {
        problems.push_back({field, "must be between " + std::to_string(key.min) + " and " + std::to_string(key.max)});
      }
      return;
    }
    case Type::Boolean:
      if (!v.IsBool()) break;
      return;
    case Type::Object:
      if (!v.IsObject()) break;
      check(v, *key.object, field, options, problems);
      return;
    case Type::ObjectArray: {
      if (!v.IsArray()) break;
      if (v.Size() < key.minSize || v.Size() > key.maxSize) {
        problems.push_back({field, key.sizeMessage != nullptr ? key.sizeMessage : "has a wrong number of entries"});
      }
      for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
        const std::string item = field + "[" + std::to_string(i) + "]";
        if (!v[i].IsObject()) {
          problems.push_back({item, "must be an object"});
        } else {
          check(v[i], *key.object, item, options, problems);
        }
      }
      return;
    }
  }
  problems.push_back({field, std::string("must be ") + typeName(key.type)});
}

}  // namespace

const Key* Object::find(const std::string& name) const {
  for (const auto& k : keys) {
    if (name == k.name) return &k;
  }
  return nullptr;
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

bool integerValue(const rapidjson::Value& v, std::int64_t& out) {
  if (v.IsInt64()) {
    out = v.GetInt64();
    return true;
  }
  if (!v.IsString() || v.GetStringLength() == 0 || v.GetStringLength() > 18) return false;
  std::int64_t n = 0;
  for (rapidjson::SizeType i = 0; i < v.GetStringLength(); ++i) {
    const char c = v.GetString()[i];
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  out = n;
  return true;
}

void check(const rapidjson::Value& value, const Object& table, const std::string& path, const Options& options,
           std::vector<Problem>& problems) {
  // A key the table does not have is refused. The real service may well ignore it; refusing it is
  // what lets the emulator catch a misspelled key (the service would then miss the intended field).
  for (auto m = value.MemberBegin(); m != value.MemberEnd(); ++m) {
    const std::string name(m->name.GetString(), m->name.GetStringLength());
    if (table.find(name) == nullptr) problems.push_back({join(path, name), "is not a field of this request"});
  }
  for (const auto& key : table.keys) {
    const std::string field = join(path, key.name);
    const auto m = value.FindMember(key.name);
    if (m == value.MemberEnd() || m->value.IsNull()) {
      if (key.required && !(key.secret && options.secretsMayBeAbsent)) problems.push_back({field, "is required"});
      continue;
    }
    checkKey(m->value, key, field, options, problems);
  }
}

void removeSecrets(rapidjson::Value& value, const Object& table) {
  if (!value.IsObject()) return;
  for (const auto& key : table.keys) {
    auto m = value.FindMember(key.name);
    if (m == value.MemberEnd()) continue;
    if (key.secret) {
      value.RemoveMember(m);
    } else if (key.type == Type::Object) {
      removeSecrets(m->value, *key.object);
    } else if (key.type == Type::ObjectArray && m->value.IsArray()) {
      for (auto& item : m->value.GetArray()) removeSecrets(item, *key.object);
    }
  }
}

std::string toJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  value.Accept(w);
  return std::string(buffer.GetString(), buffer.GetSize());
}

const rapidjson::Value* member(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject()) return nullptr;
  const auto m = v.FindMember(key);
  return m == v.MemberEnd() || m->value.IsNull() ? nullptr : &m->value;
}

std::string text(const rapidjson::Value* v) {
  return v != nullptr && v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : std::string();
}

}  // namespace delivery::emulator::schema
