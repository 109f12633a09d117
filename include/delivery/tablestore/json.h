#pragma once

#include "delivery/export.h"
// Tablestore requests as JSON (see delivery/core/json.h), with field names that mirror the Java
// SDK's model (com.alicloud.openservices.tablestore.model.delivery): the protobuf names, except
//   taskConfig.schema          -> "parquetSchema"   (Java: OSSTaskConfig.addParquetSchema)
//   eventTimeColumn.timeFormat -> "eventTimeFormat" (Java: EventColumn.getEventTimeFormat)
//   UpdateDeliveryTask "table" -> "tableName"       (as every other request names it)
// and the enum fields (taskType, format, formatter, type, encode, eventTimeFormat) are the Java
// constants' names ("BASE_INC", "Parquet", "UTF8", "PLAIN", "RFC1123"), not numbers:
//   {"tableName": "sampleTable", "taskName": "sampledeliverytask", "taskType": "BASE_INC",
//    "taskConfig": {"ossPrefix": "...", "ossBucket": "...", "ossEndpoint": "...", "ossStsRole": "...",
//                   "format": "Parquet", "parquetSchema": [{"columnName": "PK1", "ossColumnName": "PK1",
//                                                           "type": "UTF8", "encode": "PLAIN"}]}}

#include <string>
#include <string_view>

#include "delivery/core/json.h"
#include "delivery/core/result.h"
#include "delivery/tablestore/model.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore {

///@{
/// The request as JSON (Tablestore requests carry no secrets).
DELIVERY_API std::string toJson(const CreateDeliveryTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const UpdateDeliveryTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const DescribeDeliveryTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const DeleteDeliveryTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ListDeliveryTaskRequest& request, const JsonWriteOptions& options = {});
///@}
///@{
/// A describe or list answer as JSON, in the same names (task_sync_stat as the protobuf has it).
DELIVERY_API std::string toJson(const DescribeDeliveryTaskResponse& response, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ListDeliveryTaskResponse& response, const JsonWriteOptions& options = {});
///@}
/// A task configuration alone, as it appears under "taskConfig".
DELIVERY_API std::string toJson(const OSSTaskConfig& config, const JsonWriteOptions& options = {});

/// Reads a request written as toJson() writes it. InvalidArgument names every unknown key, wrong
/// type and unknown enum name by path, each message ending in " (line N)". The request is not
/// validated: call validate(), and jsonPathOf() to name its violations as the JSON does.
template <typename T>
DELIVERY_API Result<T> fromJson(std::string_view json, const JsonReadOptions& options = {});

///@{
/// fromJson() is built into the library for these types (and only these).
extern template Result<CreateDeliveryTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<UpdateDeliveryTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<DescribeDeliveryTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<DeleteDeliveryTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<ListDeliveryTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<OSSTaskConfig> fromJson(std::string_view, const JsonReadOptions&);
///@}

/// A validate() field path (protobuf names, "taskConfig.schema[1].ossColumnName") with the JSON's
/// names ("taskConfig.parquetSchema[1].ossColumnName").
DELIVERY_API std::string jsonPathOf(std::string_view wirePath);

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
