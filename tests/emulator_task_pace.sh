#!/usr/bin/env bash
# The delivery-emulator program's --task-pace, end to end over its admin endpoint: a DIS task
# seeded without a state goes through the create lifecycle. With a pace of an hour (3600s) it is STARTING
# for the whole test (no timing involved); without the flag it is RUNNING at once, as before.
# POST /__emulator/tasks/fail then puts it into ERROR with the detail.
#   emulator_task_pace.sh PATH_TO_DELIVERY_EMULATOR
set -euo pipefail

emulator=${1:?usage: emulator_task_pace.sh PATH_TO_DELIVERY_EMULATOR}
# start_emulator, stop_emulator and $url
source "$(dirname "$0")/../tools/emulator/start_emulator.sh"
workdir=$(mktemp -d)
cleanup() {
  stop_emulator
  rm -rf "$workdir"
}
trap cleanup EXIT

task='{"family":"dis","scope":"mystream","name":"dlitask","task":{"destination_type":"DLI","dli_destination_descriptor":{"task_name":"dlitask","agency_name":"dis_admin_agency","dli_database_name":"db","dli_table_name":"t","obs_bucket_path":"bucket","deliver_time_interval":300}}}'

# Starts the emulator with the given flags (stopping the one before); sets $url.
start() { start_emulator "$emulator" "$workdir/emulator" --idle-timeout 60 "$@"; }

# Prints the state (and error, when there is one) of the one stored task.
state() {
  curl -sS "$url/__emulator/tasks" | sed -n 's/.*"state":"\([A-Z]*\)".*/state \1/p'
  curl -sS "$url/__emulator/tasks" | sed -n 's/.*"error":"\([^"]*\)".*/error \1/p'
}

start --task-pace 3600s
curl -sS -o /dev/null -w 'seeded %{http_code}\n' -X POST "$url/__emulator/tasks" -d "$task"
echo "paced: $(state)"
curl -sS -o /dev/null -w 'failed %{http_code}\n' -X POST "$url/__emulator/tasks/fail" \
  -d '{"family":"dis","scope":"mystream","name":"dlitask","detail":"broken by test"}'
echo "paced after fail: $(state | tr '\n' ' ')"

start
curl -sS -o /dev/null -w 'seeded %{http_code}\n' -X POST "$url/__emulator/tasks" -d "$task"
echo "unpaced: $(state)"
