// delivery-emulator: serves the Tablestore delivery-task API, the DIS transfer-task API and the DMS
// Kafka sink-task API on 127.0.0.1 for examples and tests, with fault injection (--fault, /__emulator/).

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "emulator/emulator.h"

namespace {
void usage(std::ostream& os) {
  os << "usage: delivery-emulator [--port N] [--access-key-id ID] [--access-key-secret SECRET]\n"
        "                         [--security-token TOKEN] [--huawei-ak AK] [--huawei-sk SK]\n"
        "                         [--huawei-project-id ID] [--huawei-token TOKEN] [--huawei-connector-id ID]\n"
        "                         [--state-file PATH] [--idle-timeout SECONDS] [--max-connections N]\n"
        "                         [--keep-alive SECONDS] [--max-body-bytes N] [--verbose]\n"
        "                         [--fault SPEC]... [--no-admin] [--task-pace DURATION]\n"
        "Serves the Tablestore delivery-task actions, the Huawei Cloud DIS transfer-task API and the DMS\n"
        "Kafka sink-task API on http://127.0.0.1:<port>.\n"
        "  --port 0 (default) picks a free port; the first line printed is\n"
        "  'delivery-emulator listening on http://127.0.0.1:<port>'.\n"
        "  Credentials default to emulator-access-key-id / emulator-access-key-secret, or\n"
        "  ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET when those are set.\n"
        "  Huawei credentials default to emulator-ak / emulator-sk, project emulator-project and IAM token\n"
        "  emulator-iam-token, or HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK / HUAWEICLOUD_SDK_PROJECT_ID.\n"
        "  One Kafka dump connector exists from the start: emulator-connector (--huawei-connector-id).\n"
        "  --idle-timeout: stop after that many seconds without a request (default 600, 0 = never).\n"
        "  --max-connections: connections served at the same time, a thread each, started as needed\n"
        "  (default 256); more wait until one closes.\n"
        "  --keep-alive: close a connection after that many idle seconds (default 5).\n"
        "  --max-body-bytes: largest request body (default 8388608). A larger Content-Length gets 413,\n"
        "  one that is not a decimal number gets 400, both at once and with Connection: close.\n"
        "  --fault SPEC (repeatable): a fault in force from the start. OP is a vendor operation name\n"
        "  (CreateDeliveryTask, CreateTransferTask, CreateSinkTask, ListSinkTasks, ...) or * for any:\n"
        "    OP:fail:COUNT:STATUS:CODE[:MESSAGE]   the next COUNT requests get STATUS and the service error CODE\n"
        "    OP:throttle:COUNT[:RETRY_AFTER]       the service's throttling answer (Tablestore 503 OTSServerBusy,\n"
        "                                          DIS 429 DIS.4303, Kafka 429 DMS.10240407), Retry-After seconds (1)\n"
        "    OP:latency:DURATION[:COUNT]           wait before handling (every request unless COUNT)\n"
        "    OP:stall:DURATION[:COUNT]             hold the request without answering, then handle it (COUNT 1)\n"
        "    OP:drop-after-execute[:COUNT]         handle it, then close the connection with no answer (COUNT 1)\n"
        "    OP:task-error[:COUNT[:DETAIL]]        creates only (CreateDeliveryTask, CreateTransferTask, CreateSinkTask\n"
        "                                          or *): the create succeeds and its task goes into the error state\n"
        "                                          at its first lifecycle step (COUNT 1; DETAIL may contain ':')\n"
        "  COUNT is a number or 'every'; DURATION is like 250ms or 2s. Example:\n"
        "    --fault CreateTransferTask:fail:2:503:DIS.5000 --fault '*:latency:200ms'\n"
        "  --task-pace DURATION: each step of a task's lifecycle takes DURATION (250ms, 2s, or milliseconds;\n"
        "  default 0: static states). Tablestore INIT -> FULL -> INCR (INC: INIT -> INCR), DIS STARTING ->\n"
        "  RUNNING (also after a start), Kafka CREATING -> RUNNING; a task-error task goes to INVALID_OSS_BUCKET\n"
        "  (Tablestore) or ERROR (DIS, Kafka) instead.\n"
        "  Admin endpoint on the same port, for 127.0.0.1 clients (--no-admin turns it off):\n"
        "    GET/POST/DELETE /__emulator/faults    list / add ({\"spec\":\"...\"}, an object, or a list) / clear\n"
        "    GET/DELETE /__emulator/executions     requests and executions per operation / reset them\n"
        "    GET/POST /__emulator/tasks            stored tasks / seed one\n"
        "    POST /__emulator/tasks/fail           put a task into its error state ({\"family\",\"scope\",\"name\",\"detail\"})\n"
        "  See tools/emulator/README.md.\n";
}
}  // namespace

int main(int argc, char** argv) {
  delivery::emulator::EmulatorOptions options;
  options.idleTimeout = std::chrono::seconds(600);
  if (const char* id = std::getenv("ALIBABA_CLOUD_ACCESS_KEY_ID")) options.credentials.accessKeyId = id;
  if (const char* secret = std::getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")) options.credentials.accessKeySecret = secret;
  if (const char* ak = std::getenv("HUAWEICLOUD_SDK_AK")) options.huawei.accessKey = ak;
  if (const char* sk = std::getenv("HUAWEICLOUD_SDK_SK")) options.huawei.secretKey = sk;
  if (const char* project = std::getenv("HUAWEICLOUD_SDK_PROJECT_ID")) options.huawei.projectId = project;

  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "delivery-emulator: " << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    try {
      if (arg == "--port") {
        options.port = std::stoi(next());
      } else if (arg == "--access-key-id") {
        options.credentials.accessKeyId = next();
      } else if (arg == "--access-key-secret") {
        options.credentials.accessKeySecret = next();
      } else if (arg == "--security-token") {
        options.credentials.securityToken = next();
      } else if (arg == "--huawei-ak") {
        options.huawei.accessKey = next();
      } else if (arg == "--huawei-sk") {
        options.huawei.secretKey = next();
      } else if (arg == "--huawei-project-id") {
        options.huawei.projectId = next();
      } else if (arg == "--huawei-token") {
        options.huawei.authToken = next();
      } else if (arg == "--huawei-connector-id") {
        options.huawei.defaultConnectorId = next();
      } else if (arg == "--state-file") {
        options.stateFile = next();
      } else if (arg == "--idle-timeout") {
        options.idleTimeout = std::chrono::seconds(std::stol(next()));
      } else if (arg == "--max-connections") {
        const long n = std::stol(next());
        if (n < 1 || n > 100000) throw std::out_of_range("max-connections");
        options.maxConnections = static_cast<std::size_t>(n);
      } else if (arg == "--keep-alive") {
        const long n = std::stol(next());
        if (n < 1 || n > 3600) throw std::out_of_range("keep-alive");
        options.keepAliveTimeout = std::chrono::seconds(n);
      } else if (arg == "--max-body-bytes") {
        const long long n = std::stoll(next());
        if (n < 1) throw std::out_of_range("max-body-bytes");
        options.maxBodyBytes = static_cast<std::size_t>(n);
      } else if (arg == "--fault") {
        auto fault = delivery::emulator::parseFault(next());
        if (!fault) {
          std::cerr << "delivery-emulator: " << fault.error().message << '\n';
          return 2;
        }
        options.faults.push_back(*fault);
      } else if (arg == "--task-pace") {
        const std::string text = next();
        if (!delivery::emulator::parseDuration(text, options.taskPace)) {
          std::cerr << "delivery-emulator: --task-pace '" << text << "': expected a duration like 250ms or 2s (at most 1 hour)\n";
          return 2;
        }
      } else if (arg == "--no-admin") {
        options.adminEndpoint = false;
      } else if (arg == "--verbose") {
        options.verbose = true;
      } else if (arg == "--help" || arg == "-h") {
        usage(std::cout);
        return 0;
      } else {
        std::cerr << "delivery-emulator: unknown option " << arg << '\n';
        usage(std::cerr);
        return 2;
      }
    } catch (const std::exception&) {
      std::cerr << "delivery-emulator: bad value for " << arg << '\n';
      return 2;
    }
  }
  if (options.port < 0 || options.port > 65535) {
    std::cerr << "delivery-emulator: --port must be 0 to 65535\n";
    return 2;
  }

  delivery::emulator::Emulator emulator(options);
  auto port = emulator.start();
  if (!port) {
    std::cerr << "delivery-emulator: " << port.error() << '\n';
    return 1;
  }
  std::cout << "delivery-emulator listening on " << emulator.endpoint() << std::endl;
  std::signal(SIGINT, [](int) { std::_Exit(0); });
  std::signal(SIGTERM, [](int) { std::_Exit(0); });
  emulator.wait();
  emulator.stop();
  return 0;
}
