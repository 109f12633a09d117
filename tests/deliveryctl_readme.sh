#!/usr/bin/env bash
# Runs the README's deliveryctl walk-through as printed: the sh block under
# "### Walk-through against the emulator", after its setup and build lines, with the binary
# under test in place of build/tools/deliveryctl/deliveryctl. A line ending in "# exit N" must
# exit with N; every other line with 0.
# Usage: deliveryctl_readme.sh SOURCE_DIR DELIVERYCTL
set -uo pipefail
src=$1
bin=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
block=$(awk '/^### Walk-through against the emulator/{f=1} f&&/^```sh/{g=1;next} g&&/^```/{exit} g' "$src/README.md")
[[ -n "$block" ]] || { echo "no walk-through block in README.md"; exit 1; }
cd "$src"
failed=0
ran=0
while IFS= read -r line; do
  [[ -z "$line" || "$line" == ./scripts/setup.sh || "$line" == cmake* ]] && continue
  line=${line//build\/tools\/deliveryctl\/deliveryctl/$bin}
  line=${line//\/tmp\/deliveryctl-walkthrough.state/$work\/state}
  want=0
  if [[ "$line" =~ \#\ exit\ ([0-9]+) ]]; then want=${BASH_REMATCH[1]}; fi
  eval "$line" >"$work/out" 2>&1
  got=$?
  ran=$((ran + 1))
  if [[ $got -ne $want ]]; then
    echo "FAILED (exit $got, expected $want): $line"
    cat "$work/out"
    failed=1
  fi
done <<<"$block"
[[ $ran -ge 8 ]] || { echo "only $ran lines ran"; exit 1; }
echo "$ran lines of the walk-through ran as printed"
exit $failed
