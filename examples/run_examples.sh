#!/usr/bin/env bash
# Runs every example, family by family:
#   Tablestore: create_delivery_task, then manage_delivery_tasks (list, describe, delete), then
#               concurrent_create_tasks (100 creates, then 100 deletes, in flight at once);
#   DIS:        create_dli_transfer_task, create_dws_transfer_task, then manage_transfer_tasks
#               (list, show, stop, start, delete);
#   DMS Kafka:  create_obs_sink_task, then manage_sink_tasks (list, show, delete), then
#               create_smart_connect_obs_task (against the emulator with --enable, which enables
#               Smart Connect on the instance first).
# A family whose cloud credentials are set runs against the cloud (Tablestore: TABLESTORE_ENDPOINT
# and ALIBABA_CLOUD_ACCESS_KEY_ID; DIS and Kafka: HUAWEICLOUD_SDK_AK). The others run against a
# delivery-emulator started here on a free 127.0.0.1 port and stopped at the end. Against the
# emulator, whose tasks move through their states one step per second, the create examples run
# with --wait and print the states of their task until it runs.
#
#   examples/run_examples.sh BUILD_DIR
set -euo pipefail

build=${1:?usage: run_examples.sh BUILD_DIR}
ex="$build/examples"

tablestore_cloud=false
[[ -n "${TABLESTORE_ENDPOINT:-}" && -n "${ALIBABA_CLOUD_ACCESS_KEY_ID:-}" ]] && tablestore_cloud=true
huawei_cloud=false
[[ -n "${HUAWEICLOUD_SDK_AK:-}" ]] && huawei_cloud=true

# start_emulator, stop_emulator, $emulator_pid and $url
source "$(dirname "$0")/../tools/emulator/start_emulator.sh"
workdir=$(mktemp -d)
cleanup() {
  stop_emulator
  rm -rf "$workdir"
}
trap cleanup EXIT

# Runs each named example, announcing it; `$wait` (--wait against the emulator) goes to create_*.
wait=
run() {
  for example in "$@"; do
    local args=()
    [[ $example == create_* && -n "$wait" ]] && args=("$wait")
    echo "== $example${args[*]:+ ${args[*]}}"
    "$ex/$example" "${args[@]}"
  done
}

# The emulator's Huawei credentials; the endpoint variable names the service ($1).
use_huawei_emulator() {
  export "$1=$url" HUAWEICLOUD_SDK_AK=emulator-ak HUAWEICLOUD_SDK_SK=emulator-sk
  export HUAWEICLOUD_SDK_PROJECT_ID=emulator-project
  unset HUAWEICLOUD_SDK_SECURITY_TOKEN
}

if ! $tablestore_cloud || ! $huawei_cloud; then
  # Its credentials are fixed here, whatever the environment holds. It stops by itself after
  # 120 s without requests, whatever happens to this script.
  start_emulator "$build/tools/delivery-emulator" "$workdir/emulator" --idle-timeout 120 --verbose --task-pace 1s \
    --access-key-id emulator-access-key-id --access-key-secret emulator-access-key-secret \
    --huawei-ak emulator-ak --huawei-sk emulator-sk --huawei-project-id emulator-project
  echo "== local emulator at $url"
fi

(
  if $tablestore_cloud; then
    echo "== Tablestore: against $TABLESTORE_ENDPOINT (instance ${TABLESTORE_INSTANCE:-unset})"
  else
    echo "== Tablestore: against the emulator (no cloud credentials set)"
    export TABLESTORE_ENDPOINT=$url TABLESTORE_INSTANCE=emulator
    export ALIBABA_CLOUD_ACCESS_KEY_ID=emulator-access-key-id ALIBABA_CLOUD_ACCESS_KEY_SECRET=emulator-access-key-secret
    unset ALIBABA_CLOUD_SECURITY_TOKEN
    wait=--wait
  fi
  run create_delivery_task manage_delivery_tasks concurrent_create_tasks
)

(
  if $huawei_cloud; then
    echo "== DIS: against Huawei Cloud (${HUAWEICLOUD_DIS_ENDPOINT:-region ${HUAWEICLOUD_SDK_REGION:-cn-north-4}})"
  else
    echo "== DIS: against the emulator (no cloud credentials set)"
    use_huawei_emulator HUAWEICLOUD_DIS_ENDPOINT
    wait=--wait
  fi
  run create_dli_transfer_task create_dws_transfer_task manage_transfer_tasks
)

(
  if $huawei_cloud; then
    echo "== DMS Kafka: against Huawei Cloud (${HUAWEICLOUD_DMS_ENDPOINT:-region ${HUAWEICLOUD_SDK_REGION:-cn-north-4}})"
  else
    echo "== DMS Kafka: against the emulator (no cloud credentials set)"
    use_huawei_emulator HUAWEICLOUD_DMS_ENDPOINT
    export DMS_CONNECTOR_ID=emulator-connector DMS_INSTANCE_ID=emulator-instance
    wait=--wait
  fi
  run create_obs_sink_task manage_sink_tasks
  # Smart Connect must be enabled on the instance: on the cloud, DMS_INSTANCE_ID names one where it
  # is; the emulator's is enabled here.
  if $huawei_cloud; then
    run create_smart_connect_obs_task
  else
    echo "== create_smart_connect_obs_task $wait --enable"
    "$ex/create_smart_connect_obs_task" "$wait" --enable
  fi
)

if [[ -n "$emulator_pid" ]]; then
  echo "== emulator log"
  cat "$workdir/emulator.err"
fi
echo "== examples finished"
