#!/usr/bin/env bash
# Runs the examples in order: create_delivery_task, then manage_delivery_tasks (list, describe,
# delete). With TABLESTORE_ENDPOINT and ALIBABA_CLOUD_ACCESS_KEY_ID set, against that service;
# otherwise against a delivery-emulator started here on a free 127.0.0.1 port and stopped after.
#
#   examples/run_examples.sh BUILD_DIR
set -euo pipefail

build=${1:?usage: run_examples.sh BUILD_DIR}
bin_create="$build/examples/create_delivery_task"
bin_manage="$build/examples/manage_delivery_tasks"
bin_emulator="$build/tools/delivery-emulator"

if [[ -n "${TABLESTORE_ENDPOINT:-}" && -n "${ALIBABA_CLOUD_ACCESS_KEY_ID:-}" ]]; then
  echo "== against $TABLESTORE_ENDPOINT (instance ${TABLESTORE_INSTANCE:-unset})"
else
  workdir=$(mktemp -d)
  emulator_pid=
  cleanup() {
    if [[ -n "$emulator_pid" ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
    rm -rf "$workdir"
  }
  trap cleanup EXIT
  export ALIBABA_CLOUD_ACCESS_KEY_ID=emulator-access-key-id
  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=emulator-access-key-secret
  unset ALIBABA_CLOUD_SECURITY_TOKEN
  # The emulator stops by itself after 120 s without requests, whatever happens to this script.
  "$bin_emulator" --port 0 --idle-timeout 120 --verbose >"$workdir/emulator.out" 2>"$workdir/emulator.err" &
  emulator_pid=$!
  for _ in $(seq 1 100); do
    grep -q 'listening on' "$workdir/emulator.out" 2>/dev/null && break
    kill -0 "$emulator_pid" 2>/dev/null || { cat "$workdir/emulator.err" >&2; echo "emulator failed to start" >&2; exit 1; }
    sleep 0.05
  done
  url=$(sed -n 's/^delivery-emulator listening on //p' "$workdir/emulator.out")
  [[ -n "$url" ]] || { echo "emulator did not report its address" >&2; exit 1; }
  export TABLESTORE_ENDPOINT=$url
  export TABLESTORE_INSTANCE=emulator
  echo "== against the local emulator at $url (no cloud credentials set)"
fi

echo "== create_delivery_task"
"$bin_create"
echo "== manage_delivery_tasks"
"$bin_manage"
if [[ -n "${emulator_pid:-}" ]]; then
  echo "== emulator log"
  cat "$workdir/emulator.err"
fi
echo "== examples finished"
