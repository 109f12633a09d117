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

/// The requests toJson() and fromJson() take, X(Type) each.
#define DELIVERY_TABLESTORE_JSON_REQUESTS(X)                                                        \
  X(CreateDeliveryTaskRequest) X(UpdateDeliveryTaskRequest) X(DescribeDeliveryTaskRequest)        \
  X(DeleteDeliveryTaskRequest) X(ListDeliveryTaskRequest)
/// The answers toJson() takes, X(Type) each.
#define DELIVERY_TABLESTORE_JSON_RESPONSES(X) X(DescribeDeliveryTaskResponse) X(ListDeliveryTaskResponse)
/// A task configuration alone, as it appears under "taskConfig": X(Type).
#define DELIVERY_TABLESTORE_JSON_PARTS(X) X(OSSTaskConfig)
/// What fromJson() reads (and is built into the library for): the requests and a task configuration.
#define DELIVERY_TABLESTORE_JSON_READABLE(X) DELIVERY_TABLESTORE_JSON_REQUESTS(X) DELIVERY_TABLESTORE_JSON_PARTS(X)

///@{
/// The request as JSON (Tablestore requests carry no secrets).
DELIVERY_JSON_WRITERS(DELIVERY_TABLESTORE_JSON_REQUESTS)
///@}
///@{
/// A describe or list answer as JSON, in the same names (task_sync_stat as the protobuf has it).
DELIVERY_JSON_WRITERS(DELIVERY_TABLESTORE_JSON_RESPONSES)
///@}
/// A task configuration alone, as it appears under "taskConfig".
DELIVERY_JSON_WRITERS(DELIVERY_TABLESTORE_JSON_PARTS)

///@{
/// Reads a request written as toJson() writes it. InvalidArgument names every unknown key, wrong
/// type and unknown enum name by path, each message ending in " (line N)". The request is not
/// validated: call validate(), and jsonPathOf() to name its violations as the JSON does. T is a
/// request above or OSSTaskConfig (the library builds fromJson() for those only).
DELIVERY_JSON_READERS(DELIVERY_TABLESTORE_JSON_READABLE)
///@}

/// A validate() field path (protobuf names, "taskConfig.schema[1].ossColumnName") with the JSON's
/// names ("taskConfig.parquetSchema[1].ossColumnName").
DELIVERY_API std::string jsonPathOf(std::string_view wirePath);

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
