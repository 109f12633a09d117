#!/usr/bin/env bash
# The main job: installs what is needed, builds, and runs the createDeliveryTask example (then the
# list/describe/delete example) against Tablestore when TABLESTORE_ENDPOINT and Alibaba Cloud
# credentials are set, or against the local emulator otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
build=${DELIVERY_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target delivery_examples delivery-emulator
exec ./examples/run_examples.sh "$build"
