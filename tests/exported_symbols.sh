#!/bin/sh
# Lists the dynamic symbols a shared library of the SDK exports and fails when any is internal:
# a `detail` namespace, protobuf (google::protobuf, the generated delivery_tablestore_pb messages),
# RapidJSON, cpp-httplib or the emulator. Also checks the soname (lib<name>.so.<soversion>) and
# that the library does export its public API (delivery::<abi>::...).
#   exported_symbols.sh <library.so> <soversion> <expect: clean|leaky>
# "leaky" is for a library built without hidden visibility: the check must find its internals.
set -eu
lib="$1"
soversion="$2"
expect="$3"
all=$(nm -DC --defined-only "$lib" | sed 's/^[0-9a-f]* //')
public=$(echo "$all" | grep -c ' delivery::v[0-9_]*::' || true)
if [ "$public" -eq 0 ]; then
  echo "$lib exports no delivery::<abi> symbol: wrong file or the public API lost its DELIVERY_API" >&2
  exit 2
fi
# Standard-library templates instantiated with our types (e.g. std::enable_shared_from_this of an
# internal class) keep libstdc++'s default visibility, which only a version script could hide: they
# are not ours, so they are left out of the check (clang exports some that GCC inlines).
internal=$(echo "$all" | grep -v -E '^[A-Za-z] std::' | grep -E \
  -e '(^|[^_[:alnum:]])detail::' -e 'google::protobuf' -e 'delivery_tablestore_pb' \
  -e '[Rr]apid[Jj][Ss][Oo][Nn]' -e 'httplib::' -e 'delivery::emulator::' || true)
if [ "$expect" = leaky ]; then
  if [ -z "$internal" ]; then
    echo "expected internal symbols in $lib, found none: the patterns no longer match anything" >&2
    exit 1
  fi
  echo "$lib: $(echo "$internal" | wc -l) internal symbols found, as expected"
  exit 0
fi
if [ -n "$internal" ]; then
  echo "internal symbols exported by $lib:" >&2
  echo "$internal" >&2
  exit 1
fi
name=$(basename "$lib" | sed 's/\.so.*//')
soname=$(objdump -p "$lib" | awk '$1 == "SONAME" { print $2 }')
if [ "$soname" != "$name.so.$soversion" ]; then
  echo "$lib: soname '$soname', expected '$name.so.$soversion'" >&2
  exit 1
fi
echo "$lib ($soname): $(echo "$all" | wc -l) exported symbols, $public in delivery::, none internal"
