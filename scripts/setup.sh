#!/usr/bin/env bash
# Installs the Debian 12 packages the build, tests, examples and benchmarks need.
# With --deep-check, also what scripts/deep-check.sh needs: clang, its sanitizer and libFuzzer
# runtimes (libclang-rt-14-dev) and llvm-symbolizer (llvm), for symbolized reports. With --docs,
# doxygen for the API reference.
# With --bench, also wrk, the HTTP load generator bench/async_throughput.cc compares against (that
# benchmark skips its wrk row when wrk is absent).
# Idempotent: when every package is already present it only runs dpkg-query and exits.
set -euo pipefail

packages=(
  cmake g++ make pkg-config git
  libcurl4-openssl-dev libssl-dev rapidjson-dev
  libprotobuf-dev protobuf-compiler
  catch2 libcpp-httplib-dev libbenchmark-dev
  libgtest-dev libgmock-dev
  libcli11-dev
)
if [[ "${1:-}" == "--deep-check" ]]; then
  packages+=(clang libclang-rt-14-dev llvm)
fi
if [[ "${1:-}" == "--docs" ]]; then
  packages+=(doxygen)  # the API reference: cmake --build build --target docs
fi
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(wrk)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "setup: missing packages (${missing[*]}) and not root; install them and retry" >&2
    exit 1
  fi
else
  SUDO=
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
