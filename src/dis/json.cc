// DIS requests as JSON (delivery/dis/json.h): the generic table walk (core/model_json.h) plus what
// a table cannot say: the descriptor variant under "<type>_destination_descriptor" with its
// "destination_type", and carbon_properties (a map).
#include "delivery/dis/json.h"

#include "core/model_json.h"

DELIVERY_NAMESPACE_BEGIN namespace dis {
namespace {

using delivery::detail::Path;

constexpr const char* kDescriptorKeys[] = {"obs_destination_descriptor", "mrs_destination_descriptor",
                                           "dli_destination_descriptor", "dws_destination_descriptor",
                                           "cloudtable_destination_descriptor"};
static_assert(std::size(kDescriptorKeys) == std::variant_size_v<DestinationDescriptor>);

template <typename T>
inline constexpr bool hasCarbonProperties =
    std::is_same_v<T, ObsDestinationDescriptor> || std::is_same_v<T, MrsDestinationDescriptor>;
template <typename T>
inline constexpr bool isTaskBody =
    std::is_same_v<T, CreateTransferTaskRequest> || std::is_same_v<T, UpdateTransferTaskRequest>;

template <std::size_t I = 0>
DestinationDescriptor emptyDescriptor(std::size_t index) {
  if constexpr (I + 1 < std::variant_size_v<DestinationDescriptor>) {
    if (index != I) return emptyDescriptor<I + 1>(index);
  }
  return DestinationDescriptor(std::in_place_index<I>);
}

struct JsonPolicy : delivery::detail::PlainJsonPolicy {
  template <class W, class T>
  static void writeExtra(W& w, const T& message, const JsonWriteOptions& options) {
    if constexpr (isTaskBody<T>) {
      const auto& d = message.getDescriptor();
      if (!d) return;
      delivery::detail::writeKey(w, "destination_type");
      delivery::detail::writeString(w, toString(destinationTypeOf(*d)));
      delivery::detail::writeKey(w, kDescriptorKeys[d->index()]);
      std::visit([&](const auto& x) { delivery::detail::writeModelObject<JsonPolicy>(w, x, options); }, *d);
    } else if constexpr (std::is_same_v<T, ShowTransferTaskResponse>) {
      delivery::detail::writeModelMembers<JsonPolicy>(w, message.getTask(), options);
      const auto& d = message.getDescription();
      if (!d) return;
      delivery::detail::writeKey(w, kDescriptorKeys[d->index()]);
      std::visit([&](const auto& x) { delivery::detail::writeModelObject<JsonPolicy>(w, x, options); }, *d);
    } else if constexpr (hasCarbonProperties<T>) {
      if (message.getCarbonProperties().empty()) return;
      delivery::detail::writeKey(w, "carbon_properties");
      w.StartObject();
      for (const auto& [k, v] : message.getCarbonProperties()) {
        delivery::detail::writeKey(w, k);
        delivery::detail::writeString(w, v);
      }
      w.EndObject();
    }
  }

  template <class R, class T>
  static bool readExtra(R& reader, std::string_view key, const rapidjson::Value& json, const Path& path,
                        std::size_t line, T& message) {
    if constexpr (isTaskBody<T>) {
      if (key == "destination_type") {
        // Checked against the descriptor once the whole object is read (checkDestinationType).
        if (!json.IsString() || !enumFromText<DestinationType>(std::string_view(json.GetString(), json.GetStringLength()))) {
          reader.problem(Path(path, key), line, "must be one of OBS, MRS, DLI, CLOUDTABLE, DWS");
        }
        return true;
      }
      for (std::size_t i = 0; i < std::size(kDescriptorKeys); ++i) {
        if (key != kDescriptorKeys[i]) continue;
        const Path here(path, key);
        if (message.getDescriptor()) {
          reader.problem(here, line, "a task has one destination descriptor; another one is given before");
          return true;
        }
        if (!json.IsObject()) {
          reader.problem(here, line, "must be an object");
          return true;
        }
        DestinationDescriptor d = emptyDescriptor(i);
        std::visit([&](auto& x) { reader.readObject(json, here, line, x); }, d);
        message.setDescriptor(std::move(d));
        return true;
      }
    } else if constexpr (hasCarbonProperties<T>) {
      if (key == "carbon_properties") {
        const Path here(path, key);
        if (!json.IsObject()) {
          reader.problem(here, line, "must be an object of strings");
          return true;
        }
        CarbonProperties properties;
        for (auto m = json.MemberBegin(); m != json.MemberEnd(); ++m) {
          const std::string name(m->name.GetString(), m->name.GetStringLength());
          if (!m->value.IsString()) {
            reader.problem(Path(here, std::string_view(name)), reader.text().lineOf(m->name.GetString()),
                           "must be a string");
            continue;
          }
          properties[name] = std::string(m->value.GetString(), m->value.GetStringLength());
        }
        message.setCarbonProperties(std::move(properties));
        return true;
      }
    }
    (void)reader, (void)key, (void)json, (void)path, (void)line, (void)message;
    return false;
  }

  // destination_type, when given, must name the descriptor's type; a create needs a descriptor.
  template <class R, class T>
  static void readAfter(R& reader, const rapidjson::Value& root, const Path& path, std::size_t line, T& message) {
    if constexpr (isTaskBody<T>) {
      auto it = root.FindMember("destination_type");
      if (!message.getDescriptor()) {
        reader.problem(path, line, "needs one of obs_, mrs_, dli_, dws_ or cloudtable_destination_descriptor");
        return;
      }
      if (it == root.MemberEnd() || !it->value.IsString()) return;
      const std::string_view given(it->value.GetString(), it->value.GetStringLength());
      const char* actual = toString(destinationTypeOf(*message.getDescriptor()));
      if (given != actual && enumFromText<DestinationType>(given)) {
        reader.problem(Path(path, "destination_type"), reader.text().lineOf(it->value.GetString()),
                       "is " + std::string(given) + " but the descriptor given is " + kDescriptorKeys[message.getDescriptor()->index()]);
      }
    }
    (void)reader, (void)root, (void)path, (void)line, (void)message;
  }
};

}  // namespace

DELIVERY_JSON_DEFINE_WRITERS(DELIVERY_DIS_JSON_REQUESTS)
DELIVERY_JSON_DEFINE_WRITERS(DELIVERY_DIS_JSON_RESPONSES)
DELIVERY_JSON_DEFINE_READERS(DELIVERY_DIS_JSON_REQUESTS, isTaskBody<T> ? "a DIS transfer task" : "a DIS request")

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis
