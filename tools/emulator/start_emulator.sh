# shellcheck shell=bash
# Starts and stops a delivery-emulator program from a bash script: source this file, then
#   start_emulator PATH_TO_DELIVERY_EMULATOR LOG_PREFIX [FLAG]...
# starts it on a free 127.0.0.1 port (--port 0; add --idle-timeout so that it stops by itself
# whatever happens to the script), waits until it says where it listens, and sets
#   emulator_pid   its pid
#   url            its address, e.g. http://127.0.0.1:40123
# Its stdout and stderr go to LOG_PREFIX.out and LOG_PREFIX.err. It exits the script, with the
# emulator's stderr, when the program dies or does not report an address within 10 s.
#   stop_emulator
# stops the one started last (safe to call when none runs, e.g. from an EXIT trap).
emulator_pid=
url=

stop_emulator() {
  if [[ -n "$emulator_pid" ]]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  emulator_pid=
}

start_emulator() {
  local program=${1:?start_emulator PROGRAM LOG_PREFIX [FLAG]...} log=${2:?start_emulator PROGRAM LOG_PREFIX [FLAG]...}
  shift 2
  stop_emulator
  "$program" --port 0 "$@" >"$log.out" 2>"$log.err" &
  emulator_pid=$!
  local _
  for _ in $(seq 1 200); do
    grep -q 'listening on' "$log.out" 2>/dev/null && break
    if ! kill -0 "$emulator_pid" 2>/dev/null; then
      cat "$log.err" >&2
      echo "emulator failed to start" >&2
      emulator_pid=
      exit 1
    fi
    sleep 0.05
  done
  url=$(sed -n 's/^delivery-emulator listening on //p' "$log.out")
  [[ -n "$url" ]] || { echo "emulator did not report its address" >&2; exit 1; }
}
