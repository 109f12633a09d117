#!/bin/sh
# Lists what a library defines and fails when it holds server-direction code: request decoders,
# response encoders, signature verifiers, the emulator, test helpers, or cpp-httplib. The SDK library
# must pass; delivery_testing (which carries the emulator) must fail, which shows the check can.
#   library_symbols.sh <library> <expect: clean|server-side>
set -eu
lib="$1"
expect="$2"
# Names are read without the inline ABI namespace (delivery::v0_1::X is matched as delivery::X).
symbols=$(nm -C --defined-only "$lib" 2>/dev/null | awk '$2 ~ /^[TtWw]$/ { $1 = ""; $2 = ""; print }' |
          sed 's/delivery::v[0-9_]*::/delivery::/g')
# A sanity check that the symbols were read: the SDK's clients or transport, or the emulator's backends.
echo "$symbols" | grep -q -E 'delivery::(tablestore::DeliveryClient|dis::DisClient|kafka::KafkaClient)::create|delivery::CurlTransport::send|delivery::emulator::TablestoreBackend::handle' || {
  echo "cannot read the symbols of $lib" >&2
  exit 2
}
server=$(echo "$symbols" | grep -E \
  -e '::decode(Create|Update|Describe|Delete|List)[A-Za-z]*Request\(' \
  -e '::(decodeCreate|decodeCreateConnector|decodeBatch)\(' \
  -e '::encode[A-Za-z]*Response\(' -e '::encodeError\(' -e '::encode(List|Show)\(' \
  -e 'parseAuthorization|signatureMatches|responseAuthorization|verifyRequest' \
  -e 'delivery::(testing|emulator)::' -e 'httplib::' || true)
if [ "$expect" = clean ]; then
  if [ -n "$server" ]; then
    echo "server-direction or test code in $lib:" >&2
    echo "$server" >&2
    exit 1
  fi
  echo "$lib: $(echo "$symbols" | wc -l) functions, none server-direction"
else
  if [ -z "$server" ]; then
    echo "expected server-direction code in $lib, found none: the patterns no longer match anything" >&2
    exit 1
  fi
  echo "$lib: $(echo "$server" | wc -l) server-direction functions found, as expected"
fi
