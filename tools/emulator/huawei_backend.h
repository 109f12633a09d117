#pragma once
// The Huawei Cloud backends of the emulator: DIS transfer tasks (dis_backend.h) and DMS Kafka sink
// tasks and connectors (kafka_backend.h), both behind the API gateway's checks (huawei_auth.h),
// which also defines HuaweiEmulatorCredentials (the account both share).

#include "emulator/dis_backend.h"
#include "emulator/huawei_auth.h"
#include "emulator/kafka_backend.h"
