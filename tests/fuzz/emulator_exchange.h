#pragma once
// The emulator's request handling without sockets, for the emulator fuzz target and the corpus
// writer: the same routing as Emulator (each backend in turn is asked whether it claims the request:
// DIS, then Kafka, then Tablestore; an unclaimed request goes to the first), and conversions
// between the emulator's Reply and the SDK's HttpResponse.

#include <functional>
#include <string>
#include <string_view>

#include "delivery/core/http.h"
#include "emulator/huawei_backend.h"
#include "emulator/tablestore_backend.h"

namespace delivery::fuzz {

struct EmulatorBackends {
  emulator::TablestoreBackend tablestore{Credentials("emulator-access-key-id", "emulator-access-key-secret"), nullptr};
  emulator::DisBackend dis{emulator::HuaweiEmulatorCredentials{}, nullptr};
  emulator::KafkaBackend kafka{emulator::HuaweiEmulatorCredentials{}, nullptr};

  // One request at a time here, so the "locked" steps simply run (there is no state file to save).
  // The request as a server receives it: with the Host header the transport would add.
  emulator::Reply handle(HttpRequest ex) {
    if (!ex.headers.contains("Host")) ex.headers.add("Host", ex.endpoint.authority());
    emulator::Backend* const order[] = {&dis, &kafka, &tablestore};
    emulator::Backend* claimed = nullptr;
    for (emulator::Backend* b : order) {
      if (claimed == nullptr && b->claims(ex)) claimed = b;
    }
    emulator::Backend& backend = claimed != nullptr ? *claimed : *order[0];
    const emulator::Locked locked = [&backend](const std::function<emulator::Reply()>& step) {
      emulator::Reply reply = step();
      backend.takeDirty();
      return reply;
    };
    return backend.handle(ex, locked);
  }
};

inline HttpResponse toResponse(const emulator::Reply& reply) {
  HttpResponse r;
  r.status = reply.status;
  r.headers = reply.headers;
  r.body = reply.body;
  return r;
}

inline HttpMethod methodFromText(std::string_view m) {
  if (m == "GET") return HttpMethod::Get;
  if (m == "PUT") return HttpMethod::Put;
  if (m == "DELETE") return HttpMethod::Delete;
  return HttpMethod::Post;
}

}  // namespace delivery::fuzz
