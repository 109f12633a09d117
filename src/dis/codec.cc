#include "dis/codec.h"

#include "huawei/json_fields.h"

DELIVERY_NAMESPACE_BEGIN namespace dis::detail {

struct ShowResponseAccess {
  static TransferTask& task(ShowTransferTaskResponse& r) { return r.task_; }
  static std::optional<DestinationDescriptor>& description(ShowTransferTaskResponse& r) { return r.description_; }
  static std::optional<DestinationDescription>& destinationDescription(ShowTransferTaskResponse& r) {
    return r.destinationDescription_;
  }
  static CarbonProperties& carbonProperties(DestinationDescription& d) { return d.carbonProperties_; }
  static std::vector<PartitionResult>& partitions(ShowTransferTaskResponse& r) { return r.Partitions_; }
};

namespace {

namespace hd = delivery::huawei::detail;
using delivery::detail::Path;
using hd::FieldReader;
using hd::JsonWriter;
using rapidjson::Value;

// Indexed by DestinationDescriptor's alternatives.
constexpr const char* kDescriptorKeys[] = {"obs_destination_descriptor", "mrs_destination_descriptor",
                                           "dli_destination_descriptor", "dws_destination_descriptor",
                                           "cloudtable_destination_descriptor"};
static_assert(std::size(kDescriptorKeys) == std::variant_size_v<DestinationDescriptor>);

// DestinationDescriptor's alternative for a destination type (the enum and the variant differ in order).
std::size_t variantIndexOf(DestinationType type) {
  switch (type) {
    case DestinationType::OBS: return 0;
    case DestinationType::MRS: return 1;
    case DestinationType::DLI: return 2;
    case DestinationType::DWS: return 3;
    case DestinationType::CLOUDTABLE: return 4;
  }
  return 0;
}

template <std::size_t I = 0>
DestinationDescriptor emptyDescriptor(std::size_t index) {
  if constexpr (I + 1 < std::variant_size_v<DestinationDescriptor>) {
    if (index != I) return emptyDescriptor<I + 1>(index);
  }
  return DestinationDescriptor(std::in_place_index<I>);
}

// carbon_properties, the one map of the descriptors (not a table field, see model.h): after the
// table's fields, and only when it has entries.
template <typename T>
inline constexpr bool hasCarbonProperties =
    std::is_same_v<T, ObsDestinationDescriptor> || std::is_same_v<T, MrsDestinationDescriptor>;

void writeCarbonProperties(JsonWriter& w, const CarbonProperties& properties) {
  if (properties.empty()) return;
  hd::key(w, "carbon_properties");
  w.StartObject();
  for (const auto& [k, v] : properties) hd::field(w, k, v);
  w.EndObject();
}

// carbon_properties of `object` when it is an object; string members only (others are problems).
void readCarbonProperties(FieldReader& reader, const Value& object, const Path& path, CarbonProperties& out) {
  auto it = object.FindMember("carbon_properties");
  if (it == object.MemberEnd() || it->value.IsNull()) return;
  const Path here(path, "carbon_properties");
  if (!it->value.IsObject()) {
    reader.problem(here, "must be an object");
    return;
  }
  for (auto m = it->value.MemberBegin(); m != it->value.MemberEnd(); ++m) {
    const std::string key(m->name.GetString(), m->name.GetStringLength());
    if (!m->value.IsString()) {
      reader.problem(Path(here, std::string_view(m->name.GetString(), m->name.GetStringLength())), "must be a string");
      continue;
    }
    out[key] = std::string(m->value.GetString(), m->value.GetStringLength());
  }
}

// The descriptor of `type` read from `object`.
DestinationDescriptor readDescriptor(FieldReader& reader, DestinationType type, const Value& object, const Path& path) {
  DestinationDescriptor d = emptyDescriptor(variantIndexOf(type));
  std::visit(
      [&](auto& x) {
        reader.readObject(object, path, x);
        if constexpr (hasCarbonProperties<std::decay_t<decltype(x)>>) {
          CarbonProperties properties;
          readCarbonProperties(reader, object, path, properties);
          x.setCarbonProperties(std::move(properties));
        }
      },
      d);
  return d;
}

// Reads `alias` into the field whose wire name is `wire` when the body has no `wire` (the show
// example's partitionId and state, next to the model's partition_id and status).
template <typename T>
void readAlias(FieldReader& reader, const Value& object, const Path& path, T& message, std::string_view wire,
               const char* alias) {
  auto own = object.FindMember(wire.data());
  if (own != object.MemberEnd() && !own->value.IsNull()) return;
  auto other = object.FindMember(alias);
  if (other == object.MemberEnd() || other->value.IsNull()) return;
  delivery::detail::FieldAccess::visit(message, [&](const field::Info& info, auto& value) {
    if (wire == info.wire) reader.readValue(other->value, Path(path, alias), value);
  });
}

}  // namespace

const char* descriptorKey(const DestinationDescriptor& descriptor) { return kDescriptorKeys[descriptor.index()]; }

void writeDescriptor(JsonWriter& w, const DestinationDescriptor& d, const EncodeOptions& o) {
  hd::WriteOptions options;
  options.redactSecrets = o.redactSecrets;
  if (o.retryDurationAsString) options.integerAsText = "retry_duration";
  std::visit(
      [&](const auto& x) {
        w.StartObject();
        hd::writeMembers(w, x, options);
        if constexpr (hasCarbonProperties<std::decay_t<decltype(x)>>) writeCarbonProperties(w, x.getCarbonProperties());
        w.EndObject();
      },
      d);
}

void encodeTaskBodyInto(const std::optional<DestinationDescriptor>& d, const EncodeOptions& options, std::string& out) {
  hd::writeJsonInto(out, [&](JsonWriter& w) {
    w.StartObject();
    hd::field(w, "destination_type", toString(d ? destinationTypeOf(*d) : DestinationType::OBS));
    if (d) {
      hd::key(w, descriptorKey(*d));
      writeDescriptor(w, *d, options);
    }
    w.EndObject();
  });
}

std::string encodeTaskBody(const std::optional<DestinationDescriptor>& d, const EncodeOptions& options) {
  std::string out;
  encodeTaskBodyInto(d, options, out);
  return out;
}

void encodeBatchInto(std::string_view action, const std::vector<std::string>& taskIds, std::string& out) {
  hd::writeJsonInto(out, [&](JsonWriter& w) {
    w.StartObject();
    hd::field(w, "action", action);
    hd::key(w, "tasks");
    w.StartArray();
    for (const auto& id : taskIds) {
      w.StartObject();
      hd::field(w, "id", id);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  });
}

std::string encodeBatch(std::string_view action, const std::vector<std::string>& taskIds) {
  std::string out;
  encodeBatchInto(action, taskIds, out);
  return out;
}

namespace {

// The description: "<type>_destination_description", or the misspelled "..._descripton".
// Lenient: what cannot be read is left at its default rather than failing the call.
void readDescription(const Value& doc, ShowTransferTaskResponse& out) {
  static constexpr const char* kNames[][2] = {
      {"obs_destination_description", "obs_destination_descripton"},
      {"mrs_destination_description", "mrs_destination_descripton"},
      {"dli_destination_description", "dli_destination_descripton"},
      {"dws_destination_description", "dws_destination_descripton"},
      {"cloudtable_destination_description", "cloudtable_destination_descripton"}};
  static constexpr DestinationType kTypes[] = {DestinationType::OBS, DestinationType::MRS, DestinationType::DLI,
                                               DestinationType::DWS, DestinationType::CLOUDTABLE};
  static_assert(std::size(kNames) == std::size(kTypes));
  for (std::size_t i = 0; i < std::size(kTypes); ++i) {
    for (const char* name : kNames[i]) {
      auto it = doc.FindMember(name);
      if (it == doc.MemberEnd() || !it->value.IsObject()) continue;
      std::vector<FieldViolation> ignored;
      FieldReader lenient(ignored);
      ShowResponseAccess::description(out) = readDescriptor(lenient, kTypes[i], it->value, Path(name));
      // Every field as sent, in the one table of all destinations (absent keys stay unset).
      DestinationDescription asSent;
      lenient.readObject(it->value, Path(name), asSent);
      readCarbonProperties(lenient, it->value, Path(name), ShowResponseAccess::carbonProperties(asSent));
      ShowResponseAccess::destinationDescription(out) = std::move(asSent);
    }
  }
}

// The model's partition_id and status, or the example's partitionId and state.
void readPartitionAliases(const Value& doc, FieldReader& reader, ShowTransferTaskResponse& out) {
  auto partitions = doc.FindMember("partitions");
  if (partitions == doc.MemberEnd() || !partitions->value.IsArray()) return;
  auto& read = ShowResponseAccess::partitions(out);
  const Path listPath("partitions");
  std::size_t item = 0;  // objects only: the others were reported and left out
  for (rapidjson::SizeType i = 0; i < partitions->value.Size(); ++i) {
    const Value& v = partitions->value[i];
    if (!v.IsObject() || item >= read.size()) continue;
    PartitionResult& p = read[item++];
    const Path path(listPath, static_cast<std::size_t>(i));
    readAlias(reader, v, path, p, "partition_id", "partitionId");
    readAlias(reader, v, path, p, "status", "state");
  }
}

}  // namespace

Result<ListTransferTasksResponse> decodeList(std::string_view body) {
  return hd::decodeMessage<ListTransferTasksResponse>(body, "list transfer tasks");
}

Result<ShowTransferTaskResponse> decodeShow(std::string_view body) {
  return hd::decodeBody<ShowTransferTaskResponse>(
      body, "show transfer task", [](const Value& doc, FieldReader& reader, ShowTransferTaskResponse& out) {
        // The task's fields stand at the top level of the body.
        reader.readObject(doc, Path(), ShowResponseAccess::task(out));
        reader.readObject(doc, Path(), out);
        readPartitionAliases(doc, reader, out);
        readDescription(doc, out);
      });
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis::detail
