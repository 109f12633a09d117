#pragma once
// What the emulator's Tablestore service demands of a decoded request beyond the wire format,
// written from the Tablestore delivery-task specification (not from the SDK's validation):
//
// Every request (spec 1.2, 2.1: both SDKs always set these fields; Java rejects null or empty
// names, Go would send empty strings, which the emulator refuses):
//   - tableName (UpdateDeliveryTaskRequest: `table`) and taskName are present and not empty.
// CreateDeliveryTaskRequest:
//   - taskName: spec 6 (docs) "3-16 characters, lowercase letters, digits and '-', starting and
//     ending with a lowercase letter or digit". Both vendor samples create "sampledeliverytask"
//     (18 characters), so the documented maximum is evidently not enforced by the service: the
//     emulator keeps the characters and the minimum of 3 and allows up to 64 characters.
//     Describe/Delete/Update only need a non-empty name (the Java SDK's own sample manages
//     "taskTest_29", spec 2.1).
//   - taskConfig is present (Go dereferences it, Java requires it).
//   - taskType is present: both SDKs always send field 4 (spec 1.2); the documented default
//     BASE_INC is the client's to apply (spec 6).
// OSSTaskConfig (Create field 3, Update field 5):
//   - ossPrefix, ossBucket, ossEndpoint, ossStsRole present and not empty (spec 2.1: the Java
//     builder cannot send them unset, its setters refuse empty strings);
//   - ossPrefix: a '$' must start one of the documented time variables $yyyy, $MM, $dd, $HH, $mm
//     (spec 6);
//   - ossStsRole: a RAM role ARN, acs:ram::<account id>:role/<role name> (spec 6);
//   - format present (both SDKs always send field 8; Parquet is the only value, spec 6);
//   - eventTimeColumn optional; when given, both its columnName (not empty) and timeFormat are
//     present (spec 2.1: Java and Go always send both);
//   - schema has at least one entry (spec 6: "Schema must list the columns explicitly"); each
//     entry has columnName and ossColumnName (not empty), type and encode (spec 1.2: both SDKs
//     always send fields 1-4); typeExtend is optional;
//   - formatter and ossDirtyPrefix are optional (spec 1.1: in the .proto, but neither SDK sends
//     them); an ossDirtyPrefix that is present is not empty (the emulator's choice: the spec says
//     nothing more, and an empty prefix names no place to write to).
// Enum values outside the schema are refused earlier, by the decoder (wire.h).

#include <string>
#include <vector>

#include "emulator/tablestore/wire.h"

namespace delivery::emulator::ots {

inline constexpr std::size_t kMinTaskNameLength = 3;
inline constexpr std::size_t kMaxTaskNameLength = 64;

/// Each check returns every violation, as "path: what is wrong"; empty when the request is fine.
std::vector<std::string> checkCreate(const Message& request);           // CreateDeliveryTaskRequest
std::vector<std::string> checkUpdate(const Message& request);           // UpdateDeliveryTaskRequest
std::vector<std::string> checkTableAndTask(const Message& request);     // Describe/Delete requests
std::vector<std::string> checkList(const Message& request);             // ListDeliveryTaskRequest
/// An OSSTaskConfig, its violations' paths starting with `path`.
void checkConfig(const Message& config, const std::string& path, std::vector<std::string>& out);

}  // namespace delivery::emulator::ots
