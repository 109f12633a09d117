// deliveryctl: manage delivery tasks of Tablestore, DIS and DMS Kafka from the shell and from CI.
// Built on the SDK's public API only (delivery/...): clients, waiters, toJson/fromJson, the
// credentials chains and the in-process emulator. See README "Command line".
#include "ctl.h"

#include <CLI/CLI.hpp>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

#include "delivery/core/curl_transport.h"
#include "delivery/core/transport.h"
#include "delivery/dis/client.h"
#include "delivery/dis/json.h"
#include "delivery/huawei/credentials_chain.h"
#include "delivery/kafka/client.h"
#include "delivery/kafka/json.h"
#include "delivery/tablestore/client.h"
#include "delivery/tablestore/credentials.h"
#include "delivery/tablestore/json.h"
#include "delivery/testing/emulator.h"
#include "spec.h"

namespace deliveryctl {

namespace dis = delivery::dis;
namespace kafka = delivery::kafka;
namespace tablestore = delivery::tablestore;
namespace huawei = delivery::huawei;
using delivery::Error;
using delivery::ErrorKind;
using delivery::Result;

namespace {

constexpr const char* kDryRunMarker = "dry run: not sent";

// ---- options --------------------------------------------------------------------------------------

struct Options {
  std::string output = "table";
  std::string profile;
  std::string region;
  std::string endpoint;
  std::string instance;
  bool emulator = false;
  std::string emulatorState;
  bool dryRun = false;
  bool revealSecrets = false;
  // command arguments
  std::string file;
  std::string family;
  std::string scope;
  std::string name;
  bool yes = false;
  bool wait = false;
  int waitSeconds = 1800;
  bool allowReplace = false;
};

// ---- transport: a dry run prints what it would send --------------------------------------------

bool secretHeader(const std::string& name) {
  static const char* const kSecret[] = {"authorization", "x-ots-signature", "x-auth-token", "x-security-token",
                                        "x-ots-ststoken"};
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* s : kSecret) {
    if (lower == s) return true;
  }
  return false;
}

bool secretKey(const std::string& key) {
  return key == "user_password" || key == "access_key" || key == "secret_key" || key == "password" ||
         key == "sk" || key == "security_token";
}

void redactJson(rapidjson::Value& v, rapidjson::Document::AllocatorType& a) {
  if (v.IsObject()) {
    for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
      if (secretKey(std::string(m->name.GetString(), m->name.GetStringLength())) && m->value.IsString()) {
        m->value.SetString(delivery::kRedacted, a);
      } else {
        redactJson(m->value, a);
      }
    }
  } else if (v.IsArray()) {
    for (auto& item : v.GetArray()) redactJson(item, a);
  }
}

const char* methodName(delivery::HttpMethod m) {
  switch (m) {
    case delivery::HttpMethod::Get: return "GET";
    case delivery::HttpMethod::Post: return "POST";
    case delivery::HttpMethod::Put: return "PUT";
    case delivery::HttpMethod::Delete: return "DELETE";
  }
  return "?";
}

// The request as it would go out, signed, with the secrets (signatures, tokens, passwords, keys)
// redacted: JSON bodies with their secret members replaced, protobuf bodies as hex.
std::string printRequest(const delivery::HttpRequest& r) {
  std::ostringstream out;
  out << methodName(r.method) << ' ' << r.url() << '\n';
  for (const auto& [name, value] : r.headers) {
    out << name << ": " << (secretHeader(name) ? delivery::kRedacted : value) << '\n';
  }
  out << '\n';
  if (!r.body.empty()) {
    rapidjson::Document doc;
    doc.Parse(r.body.data(), r.body.size());
    if (!doc.HasParseError()) {
      redactJson(doc, doc.GetAllocator());
      rapidjson::StringBuffer b;
      rapidjson::Writer<rapidjson::StringBuffer> w(b);
      doc.Accept(w);
      out << b.GetString() << '\n';
    } else {
      out << "(" << r.body.size() << " bytes of protobuf, in hex)\n";
      static const char* const kHex = "0123456789abcdef";
      for (std::size_t i = 0; i < r.body.size(); ++i) {
        const auto c = static_cast<unsigned char>(r.body[i]);
        out << kHex[c >> 4] << kHex[c & 15] << ((i % 32 == 31 || i + 1 == r.body.size()) ? "\n" : " ");
      }
    }
  }
  return out.str();
}

// Reads go through; with dryRun, a request that changes something is printed instead of sent.
class CtlTransport final : public delivery::Transport {
 public:
  CtlTransport(std::shared_ptr<delivery::Transport> inner, bool dryRun, std::ostream& out)
      : inner_(std::move(inner)), dryRun_(dryRun), out_(out) {}

  Result<delivery::HttpResponse> send(const delivery::HttpRequest& request) override {
    if (dryRun_ && !request.idempotent) {
      std::lock_guard<std::mutex> lock(mu_);
      out_ << "--- would send:\n" << printRequest(request);
      ++held_;
      return Error(ErrorKind::Internal, kDryRunMarker);
    }
    return inner_->send(request);
  }
  int held() const { return held_; }

 private:
  std::shared_ptr<delivery::Transport> inner_;
  bool dryRun_;
  std::ostream& out_;
  std::mutex mu_;
  int held_ = 0;
};

bool isDryRun(const Error& e) { return e.kind == ErrorKind::Internal && e.message == kDryRunMarker; }

// ---- clients --------------------------------------------------------------------------------------

class Clients {
 public:
  Clients(const Options& o, Io& io, delivery::testing::Emulator* emulator)
      : options_(o), emulator_(emulator) {
    std::shared_ptr<delivery::Transport> inner = std::make_shared<delivery::CurlTransport>();
    transport_ = std::make_shared<CtlTransport>(inner, o.dryRun, io.out);
  }

  Result<tablestore::DeliveryClient> tablestoreClient(const std::string& instanceFromSpec) {
    const std::string instance = !instanceFromSpec.empty() ? instanceFromSpec : options_.instance;
    if (instance.empty()) {
      return Error(ErrorKind::InvalidArgument, "a Tablestore instance is needed: --instance or \"instance\" in the spec file");
    }
    auto it = tablestore_.find(instance);
    if (it != tablestore_.end()) return it->second;
    tablestore::DeliveryClientConfig config;
    config.transport = transport_;
    Result<tablestore::DeliveryClient> client = Error(ErrorKind::Internal, "unset");
    if (emulator_ != nullptr) {
      client = tablestore::DeliveryClient::create(emulator_->endpoint(), instance, emulator_->tablestoreCredentials(), config);
    } else {
      std::string endpoint = options_.endpoint;
      if (endpoint.empty()) {
        if (options_.region.empty()) {
          return Error(ErrorKind::InvalidArgument, "a Tablestore endpoint is needed: --endpoint or --region");
        }
        endpoint = tablestore::endpointFor(instance, options_.region);
      }
      tablestore::AlibabaCredentialsOptions credentials;
      credentials.profile = options_.profile;
      client = tablestore::DeliveryClient::create(endpoint, instance, tablestore::defaultCredentialsChain(credentials), config);
    }
    if (!client) return client.error();
    tablestore_.emplace(instance, *client);
    return client;
  }

  template <class Client, class Config>
  Result<Client> huaweiClient(std::optional<Client>& cached) {
    if (cached) return *cached;
    Config config;
    config.transport = transport_;
    Result<Client> client = Error(ErrorKind::Internal, "unset");
    if (emulator_ != nullptr) {
      config.endpoint = emulator_->endpoint();
      client = Client::create(emulator_->huaweiCredentials(), config);
    } else {
      config.endpoint = options_.endpoint;
      config.region = options_.region;
      client = Client::create(huawei::defaultCredentialsChain(), config);
    }
    if (!client) return client.error();
    cached = *client;
    return client;
  }
  Result<dis::DisClient> disClient() { return huaweiClient<dis::DisClient, dis::DisClientConfig>(dis_); }
  Result<kafka::KafkaClient> kafkaClient() { return huaweiClient<kafka::KafkaClient, kafka::KafkaClientConfig>(kafka_); }

 private:
  const Options& options_;
  delivery::testing::Emulator* emulator_;
  std::shared_ptr<CtlTransport> transport_;
  std::map<std::string, tablestore::DeliveryClient> tablestore_;
  std::optional<dis::DisClient> dis_;
  std::optional<kafka::KafkaClient> kafka_;
};

// ---- remote state ---------------------------------------------------------------------------------

struct Remote {
  bool exists = false;
  std::string id;     ///< the service's task id (DIS, Kafka, Smart Connect)
  std::string state;  ///< RUNNING, PAUSED, INCR...
  std::string json;   ///< the describe/show answer as JSON
};

bool notFound(const Error& e) {
  return e.code == "OTSObjectNotExist" || e.code == "DIS.4336" || e.code == "DMS.00404023";
}

// What a show answered: the task, described by `describe(answer, remote)`; absent when the show
// says it does not exist; its error otherwise.
template <typename Answer, typename Describe>
Result<Remote> shown(const Result<Answer>& answer, Describe describe) {
  Remote remote;
  if (!answer) return notFound(answer.error()) ? Result<Remote>(remote) : Result<Remote>(answer.error());
  remote.exists = true;
  describe(*answer, remote);
  return remote;
}

Result<Remote> fetchRemote(Clients& clients, Family family, const std::string& instance, const std::string& scope,
                           const std::string& name) {
  delivery::JsonWriteOptions jo;
  switch (family) {
    case Family::Tablestore: {
      auto client = clients.tablestoreClient(instance);
      if (!client) return client.error();
      return shown(client->describeDeliveryTask(tablestore::DescribeDeliveryTaskRequest(scope, name)),
                   [&](const tablestore::DescribeDeliveryTaskResponse& r, Remote& out) {
                     out.state = toString(r.getTaskSyncStat().getTaskSyncPhase());
                     out.json = tablestore::toJson(r, jo);
                   });
    }
    case Family::Dis: {
      auto client = clients.disClient();
      if (!client) return client.error();
      return shown(client->showTransferTask(dis::ShowTransferTaskRequest(scope, name)),
                   [&](const dis::ShowTransferTaskResponse& r, Remote& out) {
                     out.id = r.getTask().getTaskId();
                     out.state = r.getTask().getStateText();
                     out.json = dis::toJson(r, jo);
                   });
    }
    case Family::Kafka: {
      auto client = clients.kafkaClient();
      if (!client) return client.error();
      kafka::ListSinkTasksRequest list;
      list.setConnectorId(scope);
      auto tasks = client->listSinkTasks(list);
      if (!tasks) return tasks.error();
      for (const auto& t : tasks->getTasks()) {
        if (t.getTaskName() != name) continue;
        kafka::ShowSinkTaskRequest show;
        show.setConnectorId(scope).setTaskId(t.getTaskId());
        return shown(client->showSinkTask(show), [&](const kafka::ShowSinkTaskResponse& r, Remote& out) {
          out.id = t.getTaskId();
          out.state = r.getStatus();
          out.json = kafka::toJson(r, jo);
        });
      }
      return Remote{};
    }
    case Family::SmartConnect: {
      auto client = clients.kafkaClient();
      if (!client) return client.error();
      auto tasks = client->listAllConnectorTasks(kafka::ListConnectorTasksRequest(scope));
      if (!tasks) return tasks.error();
      for (const auto& t : *tasks) {
        if (t.getTaskName() != name) continue;
        return shown(client->showConnectorTask(kafka::ShowConnectorTaskRequest(scope, t.getId())),
                     [&](const kafka::ShowConnectorTaskResponse& r, Remote& out) {
                       out.id = t.getId();
                       out.state = r.getStatus();
                       out.json = kafka::toJson(r, jo);
                     });
      }
      return Remote{};
    }
  }
  return Remote{};
}

// ---- plan ----------------------------------------------------------------------------------------

enum class Action { Create, Update, Unchanged, Replace };
const char* actionName(Action a) {
  switch (a) {
    case Action::Create: return "create";
    case Action::Update: return "update";
    case Action::Unchanged: return "unchanged";
    case Action::Replace: return "replace";
  }
  return "?";
}

// Whether every member the spec sets has the same value in the service's answer. Members the answer
// does not carry (secrets, URL parameters, fields the service does not echo) cannot be compared and
// are skipped; so are secrets, which both sides write redacted. Differences are listed as paths.
void compareJson(const rapidjson::Value& want, const rapidjson::Value& have, const std::string& path,
                 std::vector<std::string>& differences) {
  if (want.IsObject() && have.IsObject()) {
    for (auto m = want.MemberBegin(); m != want.MemberEnd(); ++m) {
      auto h = have.FindMember(m->name);
      if (h == have.MemberEnd()) continue;
      compareJson(m->value, h->value, path.empty() ? m->name.GetString() : path + "." + m->name.GetString(), differences);
    }
    return;
  }
  if (want.IsString() && std::string(want.GetString()) == delivery::kRedacted) return;
  if (want.IsNumber() && have.IsNumber()) {
    if (want.GetDouble() != have.GetDouble()) differences.push_back(path);
    return;
  }
  if (want.IsArray() && have.IsArray()) {
    if (want.Size() != have.Size()) {
      differences.push_back(path);
      return;
    }
    for (rapidjson::SizeType i = 0; i < want.Size(); ++i) {
      compareJson(want[i], have[i], path + "[" + std::to_string(i) + "]", differences);
    }
    return;
  }
  if (want != have) differences.push_back(path);
}

std::string specJson(const TaskSpec& task, const delivery::JsonWriteOptions& o) {
  return std::visit(
      [&](const auto& r) -> std::string {
        using R = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<R, tablestore::CreateDeliveryTaskRequest>) {
          return tablestore::toJson(r, o);
        } else if constexpr (std::is_same_v<R, dis::CreateTransferTaskRequest>) {
          return dis::toJson(r, o);
        } else {
          return kafka::toJson(r, o);
        }
      },
      task.request);
}

struct PlanItem {
  const TaskSpec* task = nullptr;
  Action action = Action::Create;
  Remote remote;
  std::vector<std::string> differences;
  std::string why;  ///< why a change cannot be made in place
};

Result<PlanItem> planTask(Clients& clients, const TaskSpec& task) {
  PlanItem item;
  item.task = &task;
  auto remote = fetchRemote(clients, task.family, task.instance, task.scope, task.name);
  if (!remote) return remote.error();
  item.remote = *remote;
  if (!remote->exists) {
    item.action = Action::Create;
    return item;
  }
  rapidjson::Document want, have;
  const std::string wantText = specJson(task, {});
  want.Parse(wantText.c_str());
  have.Parse(remote->json.c_str());
  compareJson(want, have, "", item.differences);
  if (task.family == Family::Kafka) {
    // A sink task's show answer carries the topics beside the descriptor, not in it.
    auto d = want.FindMember("obs_destination_descriptor");
    auto topics = have.FindMember("topics");
    if (d != want.MemberEnd() && d->value.IsObject() && topics != have.MemberEnd()) {
      auto wanted = d->value.FindMember("topics");
      if (wanted != d->value.MemberEnd() && wanted->value != topics->value) {
        item.differences.push_back("obs_destination_descriptor.topics");
      }
    }
  }
  if (item.differences.empty()) {
    item.action = Action::Unchanged;
    return item;
  }
  // An update in place, unless one of the differences is a field the service cannot change.
  auto updateUnlessChanged = [&item](const char* field, const char* why) {
    const bool fixedFieldChanged =
        std::find(item.differences.begin(), item.differences.end(), field) != item.differences.end();
    item.action = fixedFieldChanged ? Action::Replace : Action::Update;
    if (fixedFieldChanged) item.why = why;
  };
  switch (task.family) {
    case Family::Tablestore:
      // UpdateDeliveryTask replaces the configuration; the task type cannot change in place.
      updateUnlessChanged("taskType", "the task type cannot be changed in place");
      break;
    case Family::Dis:
      updateUnlessChanged("destination_type", "the destination type cannot be changed in place");
      break;
    case Family::Kafka:
      item.action = Action::Replace;
      item.why = "sink tasks have no update operation";
      break;
    case Family::SmartConnect:
      item.action = Action::Replace;
      item.why = "Smart Connect tasks have no update operation";
      break;
  }
  return item;
}

// ---- output ---------------------------------------------------------------------------------------

std::string jsonString(const std::string& s) {
  rapidjson::StringBuffer b;
  rapidjson::Writer<rapidjson::StringBuffer> w(b);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return b.GetString();
}

void printTable(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (widths.size() <= i) widths.push_back(0);
      widths[i] = std::max(widths[i], row[i].size());
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    out << line << '\n';
  }
}

int reportError(Io& io, const std::string& what, const Error& e) {
  io.err << "deliveryctl: " << what << ": " << e << '\n';
  return kError;
}

int reportProblems(Io& io, const SpecFile& spec) {
  for (const auto& p : spec.problems) io.err << p.toString() << '\n';
  io.err << "deliveryctl: " << spec.problems.size() << (spec.problems.size() == 1 ? " problem" : " problems")
         << "; nothing was sent\n";
  return kInvalidSpec;
}

// ---- commands -------------------------------------------------------------------------------------

int cmdValidate(const Options& o, Io& io) {
  SpecFile spec = loadSpecFile(o.file);
  if (!spec.problems.empty()) return reportProblems(io, spec);
  if (o.output == "json") {
    io.out << "{\"valid\":true,\"tasks\":[";
    for (std::size_t i = 0; i < spec.tasks.size(); ++i) io.out << (i ? "," : "") << jsonString(spec.tasks[i].id());
    io.out << "]}\n";
  } else {
    io.out << o.file << ": " << spec.tasks.size() << (spec.tasks.size() == 1 ? " task" : " tasks") << ", valid\n";
  }
  return kOk;
}

Result<std::vector<PlanItem>> makePlan(Clients& clients, const SpecFile& spec) {
  std::vector<PlanItem> items;
  for (const auto& task : spec.tasks) {
    auto item = planTask(clients, task);
    if (!item) {
      Error e = item.error();
      e.message = task.id() + ": " + e.message;
      return e;
    }
    items.push_back(std::move(*item));
  }
  return items;
}

void printPlan(const Options& o, Io& io, const std::vector<PlanItem>& items) {
  if (o.output == "json") {
    io.out << "{\"tasks\":[";
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& it = items[i];
      io.out << (i ? "," : "") << "{\"task\":" << jsonString(it.task->id()) << ",\"action\":\"" << actionName(it.action)
             << "\",\"differences\":[";
      for (std::size_t k = 0; k < it.differences.size(); ++k) io.out << (k ? "," : "") << jsonString(it.differences[k]);
      io.out << "]";
      if (!it.why.empty()) io.out << ",\"why\":" << jsonString(it.why);
      io.out << "}";
    }
    io.out << "]}\n";
    return;
  }
  std::vector<std::vector<std::string>> rows{{"ACTION", "TASK", "DETAIL"}};
  for (const auto& it : items) {
    std::string detail;
    for (const auto& d : it.differences) detail += (detail.empty() ? "" : ", ") + d;
    if (!it.why.empty()) detail += " (" + it.why + ")";
    rows.push_back({actionName(it.action), it.task->id(), detail});
  }
  printTable(io.out, rows);
}

int cmdPlan(const Options& o, Io& io, Clients& clients) {
  SpecFile spec = loadSpecFile(o.file);
  if (!spec.problems.empty()) return reportProblems(io, spec);
  auto plan = makePlan(clients, spec);
  if (!plan) return reportError(io, "plan", plan.error());
  printPlan(o, io, *plan);
  bool changes = false, replace = false;
  for (const auto& it : *plan) {
    changes |= it.action != Action::Unchanged;
    replace |= it.action == Action::Replace;
  }
  if (replace && !o.allowReplace) {
    io.err << "deliveryctl: a task must be replaced (deleted and created again); apply does that only with --allow-replace\n";
    return kNeedsReplace;
  }
  return changes ? kPlanChanges : kOk;
}

// Sends one create. When the answer is lost after the request may have executed (a dropped
// connection), the task is looked up before anything else is sent: found, it was created; absent,
// the create is sent once more.
Result<void> createTask(Clients& clients, const TaskSpec& task) {
  // The family's client (or why there is none), then its create: only the outcome matters here.
  auto created = [](const auto& client, const auto& create) -> Result<void> {
    if (!client) return client.error();
    auto r = create(*client);
    if (!r) return r.error();
    return {};
  };
  auto send = [&]() -> Result<void> {
    switch (task.family) {
      case Family::Tablestore:
        return created(clients.tablestoreClient(task.instance), [&](const tablestore::DeliveryClient& c) {
          return c.createDeliveryTask(std::get<tablestore::CreateDeliveryTaskRequest>(task.request));
        });
      case Family::Dis:
        return created(clients.disClient(), [&](const dis::DisClient& c) {
          return c.createTransferTask(std::get<dis::CreateTransferTaskRequest>(task.request));
        });
      case Family::Kafka:
        return created(clients.kafkaClient(), [&](const kafka::KafkaClient& c) {
          return c.createSinkTask(std::get<kafka::CreateSinkTaskRequest>(task.request));
        });
      case Family::SmartConnect:
        return created(clients.kafkaClient(), [&](const kafka::KafkaClient& c) {
          return c.createConnectorTask(std::get<kafka::CreateConnectorTaskRequest>(task.request));
        });
    }
    return {};
  };
  auto first = send();
  if (first || isDryRun(first.error())) return first;
  const ErrorKind k = first.error().kind;
  if (k != ErrorKind::Network && k != ErrorKind::Timeout && k != ErrorKind::InvalidResponse) return first;
  auto remote = fetchRemote(clients, task.family, task.instance, task.scope, task.name);
  if (!remote) return first;
  if (remote->exists) return {};
  return send();
}

Result<void> deleteTask(Clients& clients, Family family, const std::string& instance, const std::string& scope,
                        const std::string& name, const Remote& remote) {
  switch (family) {
    case Family::Tablestore: {
      auto c = clients.tablestoreClient(instance);
      if (!c) return c.error();
      auto r = c->deleteDeliveryTask(tablestore::DeleteDeliveryTaskRequest(scope, name));
      if (!r) return r.error();
      return {};
    }
    case Family::Dis: {
      auto c = clients.disClient();
      if (!c) return c.error();
      auto r = c->deleteTransferTask(dis::DeleteTransferTaskRequest(scope, name));
      if (!r) return r.error();
      return {};
    }
    case Family::Kafka: {
      auto c = clients.kafkaClient();
      if (!c) return c.error();
      kafka::DeleteSinkTaskRequest d;
      d.setConnectorId(scope).setTaskId(remote.id);
      auto r = c->deleteSinkTask(d);
      if (!r) return r.error();
      return {};
    }
    case Family::SmartConnect: {
      auto c = clients.kafkaClient();
      if (!c) return c.error();
      auto r = c->deleteConnectorTask(kafka::DeleteConnectorTaskRequest(scope, remote.id));
      if (!r) return r.error();
      return {};
    }
  }
  return {};
}

Result<void> updateTask(Clients& clients, const TaskSpec& task) {
  if (task.family == Family::Tablestore) {
    const auto& create = std::get<tablestore::CreateDeliveryTaskRequest>(task.request);
    auto c = clients.tablestoreClient(task.instance);
    if (!c) return c.error();
    tablestore::UpdateDeliveryTaskRequest u(create.getTableName(), create.getTaskName(), *create.getTaskConfig());
    auto r = c->updateDeliveryTask(u);
    if (!r) return r.error();
    return {};
  }
  const auto& create = std::get<dis::CreateTransferTaskRequest>(task.request);
  auto c = clients.disClient();
  if (!c) return c.error();
  auto r = c->updateTransferTask(dis::UpdateTransferTaskRequest(create.getStreamName(), *create.getDescriptor()));
  if (!r) return r.error();
  return {};
}

// Waits until the task runs: RUNNING (DIS, Kafka, Smart Connect) or the INCR phase's start for
// Tablestore (FULL for BASE and BASE_INC tasks: delivering).
int waitFor(const Options& o, Io& io, Clients& clients, const TaskSpec& task) {
  delivery::WaitOptions w;
  w.timeout = std::chrono::seconds(o.waitSeconds);
  w.pollInterval = std::chrono::milliseconds(o.emulator ? 200 : 5000);
  w.maxPollInterval = std::chrono::milliseconds(o.emulator ? 1000 : 30000);
  const std::string id = task.id();
  w.onStateChange = [&](const delivery::WaitProgress& p) {
    if (io.terminal) {
      io.out << "\r\033[K" << id << ": " << p.state << std::flush;
    } else {
      io.out << id << ": " << p.state << '\n';
    }
  };
  delivery::WaitStatus status;
  switch (task.family) {
    case Family::Tablestore: {
      auto c = clients.tablestoreClient(task.instance);
      if (!c) return reportError(io, id, c.error());
      const auto& create = std::get<tablestore::CreateDeliveryTaskRequest>(task.request);
      const auto phase = create.getTaskType() == tablestore::DeliveryTaskType::INC ? tablestore::TaskSyncPhase::INCR
                                                                                  : tablestore::TaskSyncPhase::FULL;
      status = c->waitUntilTaskSyncPhase(tablestore::DescribeDeliveryTaskRequest(task.scope, task.name), phase, w);
      break;
    }
    case Family::Dis: {
      auto c = clients.disClient();
      if (!c) return reportError(io, id, c.error());
      status = c->waitUntilTransferTaskRunning(dis::ShowTransferTaskRequest(task.scope, task.name), w);
      break;
    }
    case Family::Kafka:
    case Family::SmartConnect: {
      auto remote = fetchRemote(clients, task.family, task.instance, task.scope, task.name);
      if (!remote) return reportError(io, id, remote.error());
      auto c = clients.kafkaClient();
      if (!c) return reportError(io, id, c.error());
      if (task.family == Family::Kafka) {
        kafka::ShowSinkTaskRequest show;
        show.setConnectorId(task.scope).setTaskId(remote->id);
        status = c->waitUntilSinkTaskRunning(show, w);
      } else {
        status = c->waitUntilSmartConnectTaskRunning(kafka::ShowConnectorTaskRequest(task.scope, remote->id), w);
      }
      break;
    }
  }
  if (io.terminal) io.out << "\r\033[K";
  io.out << id << ": " << status.summary() << '\n';
  return status.reached() ? kOk : kError;
}

int cmdApply(const Options& o, Io& io, Clients& clients) {
  SpecFile spec = loadSpecFile(o.file);
  if (!spec.problems.empty()) return reportProblems(io, spec);
  auto plan = makePlan(clients, spec);
  if (!plan) return reportError(io, "apply", plan.error());
  for (const auto& it : *plan) {
    if (it.action == Action::Replace && !o.allowReplace) {
      printPlan(o, io, *plan);
      io.err << "deliveryctl: " << it.task->id() << " must be replaced (" << it.why
             << "); nothing was changed. Run apply with --allow-replace to delete and create it again.\n";
      return kNeedsReplace;
    }
  }
  int rc = kOk;
  std::vector<const TaskSpec*> toWait;
  for (const auto& it : *plan) {
    const TaskSpec& task = *it.task;
    Result<void> done;
    switch (it.action) {
      case Action::Unchanged:
        io.out << task.id() << ": unchanged\n";
        toWait.push_back(&task);
        continue;
      case Action::Create: done = createTask(clients, task); break;
      case Action::Update: done = updateTask(clients, task); break;
      case Action::Replace:
        done = deleteTask(clients, task.family, task.instance, task.scope, task.name, it.remote);
        if (done || isDryRun(done.error())) {
          auto created = createTask(clients, task);
          if (done) done = created;
        }
        break;
    }
    if (!done && !isDryRun(done.error())) {
      rc = reportError(io, task.id() + ": " + actionName(it.action), done.error());
      continue;
    }
    // "created", "updated", "replaced"; "would create"... in a dry run.
    io.out << task.id() << ": " << (o.dryRun ? "would " : "") << actionName(it.action) << (o.dryRun ? "" : "d") << '\n';
    toWait.push_back(&task);
  }
  if (o.wait && !o.dryRun && rc == kOk) {
    for (const TaskSpec* task : toWait) {
      if (waitFor(o, io, clients, *task) != kOk) rc = kError;
    }
  }
  return rc;
}

Result<Family> familyArg(const std::string& text) {
  Family f;
  if (!familyFromName(text, f)) return Error(ErrorKind::InvalidArgument, "unknown family \"" + text + "\" (tablestore, dis, kafka, smartconnect)");
  return f;
}

int cmdGet(const Options& o, Io& io, Clients& clients) {
  auto family = familyArg(o.family);
  if (!family) return (io.err << "deliveryctl: " << family.error().message << '\n', kUsage);
  auto remote = fetchRemote(clients, *family, o.instance, o.scope, o.name);
  if (!remote) return reportError(io, "get", remote.error());
  if (!remote->exists) {
    io.err << "deliveryctl: " << o.family << "/" << o.scope << "/" << o.name << " does not exist\n";
    return kError;
  }
  if (o.output == "json") {
    io.out << remote->json << '\n';
  } else {
    printTable(io.out, {{"TASK", "ID", "STATE"}, {o.family + "/" + o.scope + "/" + o.name, remote->id, remote->state}});
  }
  return kOk;
}

// The list answer `first` (toJson of the first page) with its "tasks" replaced by `tasks` (each
// written by its family's toJson) and its "total_number" by their count, in toJson's layout.
template <typename Task>
std::string withTasks(const std::string& first, const std::vector<Task>& tasks, const delivery::JsonWriteOptions& jo) {
  rapidjson::Document d;
  d.Parse(first.data(), first.size());
  rapidjson::Value list(rapidjson::kArrayType);
  for (const Task& t : tasks) {
    const std::string text = toJson(t, jo);  // dis::toJson or kafka::toJson, found by the task's type
    rapidjson::Document one(&d.GetAllocator());
    one.Parse(text.data(), text.size());
    list.PushBack(rapidjson::Value(one, d.GetAllocator()), d.GetAllocator());
  }
  d["tasks"] = list;
  const auto count = static_cast<std::int64_t>(tasks.size());
  if (auto total = d.FindMember("total_number"); total != d.MemberEnd()) {
    total->value.SetInt64(count);
  } else {
    d.AddMember("total_number", rapidjson::Value(count), d.GetAllocator());
  }
  rapidjson::StringBuffer buffer;
  if (jo.pretty) {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    d.Accept(w);
  } else {
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    d.Accept(w);
  }
  return std::string(buffer.GetString(), buffer.GetSize());
}

// After a walk over pages: says so when the service counted more (or fewer) tasks than it answered,
// e.g. pages that ran out before total_number.
void noteShortList(Io& io, std::int64_t counted, std::size_t listed) {
  if (counted > 0 && counted != static_cast<std::int64_t>(listed)) {
    io.err << "deliveryctl: list: the service counts " << counted << " tasks and answered " << listed << '\n';
  }
}

int cmdList(const Options& o, Io& io, Clients& clients) {
  auto family = familyArg(o.family);
  if (!family) return (io.err << "deliveryctl: " << family.error().message << '\n', kUsage);
  std::vector<std::vector<std::string>> rows{{"NAME", "ID", "STATE"}};
  std::string json;
  delivery::JsonWriteOptions jo;
  switch (*family) {
    case Family::Tablestore: {
      auto c = clients.tablestoreClient(o.instance);
      if (!c) return reportError(io, "list", c.error());
      auto r = c->listDeliveryTask(tablestore::ListDeliveryTaskRequest(o.scope));
      if (!r) return reportError(io, "list", r.error());
      for (const auto& t : r->getTaskInfos()) rows.push_back({t.getTaskName(), "", toString(t.getTaskType())});
      rows[0][2] = "TYPE";
      json = tablestore::toJson(*r, jo);
      break;
    }
    case Family::Dis: {
      auto c = clients.disClient();
      if (!c) return reportError(io, "list", c.error());
      // One call answers every task unless the service pages without being asked to (unconfirmed:
      // huawei-more.md §2.1); then the tasks are read page by page.
      auto r = c->listTransferTasks(dis::ListTransferTasksRequest(o.scope));
      if (!r) return reportError(io, "list", r.error());
      json = dis::toJson(*r, jo);
      std::vector<dis::TransferTask> tasks = r->getTasks();
      if (r->getTotalNumber() > static_cast<std::int64_t>(tasks.size())) {
        auto all = c->listAllTransferTasks(dis::ListTransferTasksRequest(o.scope));
        if (!all) return reportError(io, "list", all.error());
        tasks = std::move(*all);
        json = withTasks(json, tasks, jo);
        noteShortList(io, r->getTotalNumber(), tasks.size());
      }
      for (const auto& t : tasks) rows.push_back({t.getTaskName(), t.getTaskId(), t.getStateText()});
      break;
    }
    case Family::Kafka: {
      auto c = clients.kafkaClient();
      if (!c) return reportError(io, "list", c.error());
      kafka::ListSinkTasksRequest l;
      l.setConnectorId(o.scope);
      auto r = c->listSinkTasks(l);
      if (!r) return reportError(io, "list", r.error());
      for (const auto& t : r->getTasks()) rows.push_back({t.getTaskName(), t.getTaskId(), t.getStatus()});
      json = kafka::toJson(*r, jo);
      break;
    }
    case Family::SmartConnect: {
      auto c = clients.kafkaClient();
      if (!c) return reportError(io, "list", c.error());
      // The largest page first; when the instance has more tasks (total_number), every page
      // (huawei-more.md §1.8) through listAllConnectorTasks, which refuses a service that repeats them.
      kafka::ListConnectorTasksRequest l(o.scope);
      l.setLimit(kafka::kMaxConnectorTasksLimit);
      auto r = c->listConnectorTasks(l);
      if (!r) return reportError(io, "list", r.error());
      json = kafka::toJson(*r, jo);
      std::vector<kafka::SmartConnectTaskEntity> tasks = r->getTasks();
      const auto read = static_cast<std::int64_t>(tasks.size());
      // Without total_number (0), a full page may have more behind it.
      if (r->getTotalNumber() > read || (r->getTotalNumber() <= 0 && read >= kafka::kMaxConnectorTasksLimit)) {
        auto all = c->listAllConnectorTasks(l);
        if (!all) return reportError(io, "list", all.error());
        tasks = std::move(*all);
        json = withTasks(json, tasks, jo);
        noteShortList(io, r->getTotalNumber(), tasks.size());
      }
      for (const auto& t : tasks) rows.push_back({t.getTaskName(), t.getId(), t.getStatus()});
      break;
    }
  }
  if (o.output == "json") {
    io.out << json << '\n';
  } else {
    printTable(io.out, rows);
  }
  return kOk;
}

bool confirm(const Options& o, Io& io, const std::string& what) {
  if (o.yes || o.dryRun) return true;
  io.out << "Delete " << what << "? Type \"yes\" to confirm: " << std::flush;
  std::string answer;
  std::getline(io.in, answer);
  return answer == "yes";
}

int cmdDelete(const Options& o, Io& io, Clients& clients) {
  struct Target {
    Family family;
    std::string instance, scope, name;
  };
  std::vector<Target> targets;
  if (!o.file.empty()) {
    SpecFile spec = loadSpecFile(o.file);
    if (!spec.problems.empty()) return reportProblems(io, spec);
    for (const auto& t : spec.tasks) targets.push_back({t.family, t.instance, t.scope, t.name});
  } else {
    auto family = familyArg(o.family);
    if (!family) return (io.err << "deliveryctl: " << family.error().message << '\n', kUsage);
    if (o.scope.empty() || o.name.empty()) {
      io.err << "deliveryctl: delete needs FAMILY SCOPE NAME, or -f FILE\n";
      return kUsage;
    }
    targets.push_back({*family, o.instance, o.scope, o.name});
  }
  std::string what;
  for (const auto& t : targets) what += (what.empty() ? "" : ", ") + std::string(familyName(t.family)) + "/" + t.scope + "/" + t.name;
  if (!confirm(o, io, what)) {
    io.err << "deliveryctl: not confirmed; nothing was deleted\n";
    return kNotConfirmed;
  }
  int rc = kOk;
  for (const auto& t : targets) {
    const std::string id = std::string(familyName(t.family)) + "/" + t.scope + "/" + t.name;
    auto remote = fetchRemote(clients, t.family, t.instance, t.scope, t.name);
    if (!remote) {
      rc = reportError(io, id, remote.error());
      continue;
    }
    if (!remote->exists) {
      io.out << id << ": does not exist\n";
      continue;
    }
    auto done = deleteTask(clients, t.family, t.instance, t.scope, t.name, *remote);
    if (!done && !isDryRun(done.error())) {
      rc = reportError(io, id + ": delete", done.error());
      continue;
    }
    io.out << id << ": " << (o.dryRun ? "would delete" : "deleted") << '\n';
  }
  return rc;
}

// start/stop (DIS) and pause/resume (Smart Connect): one task by name.
int cmdAction(const Options& o, Io& io, Clients& clients, const std::string& action) {
  const bool disAction = action == "start" || action == "stop";
  const Family family = disAction ? Family::Dis : Family::SmartConnect;
  auto remote = fetchRemote(clients, family, "", o.scope, o.name);
  const std::string id = std::string(familyName(family)) + "/" + o.scope + "/" + o.name;
  if (!remote) return reportError(io, action, remote.error());
  if (!remote->exists) {
    io.err << "deliveryctl: " << id << " does not exist\n";
    return kError;
  }
  Result<void> done;
  if (disAction) {
    auto c = clients.disClient();
    if (!c) return reportError(io, action, c.error());
    if (action == "start") {
      auto r = c->batchStartTransferTask(dis::BatchStartTransferTaskRequest(o.scope, {remote->id}));
      if (!r) done = r.error();
    } else {
      auto r = c->batchStopTransferTask(dis::BatchStopTransferTaskRequest(o.scope, {remote->id}));
      if (!r) done = r.error();
    }
  } else {
    auto c = clients.kafkaClient();
    if (!c) return reportError(io, action, c.error());
    if (action == "pause") {
      auto r = c->pauseConnectorTask(kafka::PauseConnectorTaskRequest(o.scope, remote->id));
      if (!r) done = r.error();
    } else {
      auto r = c->resumeConnectorTask(kafka::ResumeConnectorTaskRequest(o.scope, remote->id));
      if (!r) done = r.error();
    }
  }
  if (!done && !isDryRun(done.error())) return reportError(io, id + ": " + action, done.error());
  static const std::map<std::string, std::string> kDone = {
      {"start", "started"}, {"stop", "stopped"}, {"pause", "paused"}, {"resume", "resumed"}};
  io.out << id << ": " << (o.dryRun ? "would " + action : kDone.at(action)) << '\n';
  return kOk;
}

// ---- the emulator ---------------------------------------------------------------------------------

// With --emulator, every Kafka instance a spec file names for Smart Connect has Smart Connect
// enabled, as an account ready for the walk-through would.
// This is the emulated account's setup, not a change of the command: it never goes through the
// dry-run transport.
void prepareEmulator(delivery::testing::Emulator& emulator, const Options& o) {
  if (o.file.empty()) return;
  SpecFile spec = loadSpecFile(o.file);
  kafka::KafkaClientConfig config;
  config.endpoint = emulator.endpoint();
  auto c = kafka::KafkaClient::create(emulator.huaweiCredentials(), config);
  if (!c) return;
  for (const auto& t : spec.tasks) {
    if (t.family != Family::SmartConnect) continue;
    kafka::CreateConnectorRequest r;
    r.setInstanceId(t.scope);
    (void)c->createConnector(r);  // already enabled: the service says so, which is fine
  }
}

}  // namespace

int run(const std::vector<std::string>& args, Io& io, delivery::testing::Emulator* injected) {
  Options o;
  CLI::App app{
      "deliveryctl: create and manage data-delivery tasks (Tablestore -> OSS, Huawei DIS transfer tasks, DMS "
      "Kafka sink and Smart Connect tasks) from JSON spec files.\n"
      "Exit codes: 0 ok (plan: no changes), 1 error, 2 usage, 3 plan has changes, 4 invalid spec file "
      "(nothing sent), 5 a task needs --allow-replace, 6 delete not confirmed.",
      "deliveryctl"};
  app.require_subcommand(1);
  app.fallthrough();  // the global options may also follow the command
  app.option_defaults()->always_capture_default();
  app.add_option("-o,--output", o.output, "Output format: table or json")->check(CLI::IsMember({"table", "json"}));
  app.add_option("--profile", o.profile,
                 "Alibaba Cloud profile for Tablestore credentials (Huawei credentials come from the "
                 "HUAWEICLOUD_SDK_* variables, ~/.huaweicloud/credentials or the ECS metadata)");
  app.add_option("--region", o.region, "Region id (cn-hangzhou, cn-north-4): builds the service endpoints");
  app.add_option("--endpoint", o.endpoint, "Explicit endpoint URL for every service (wins over --region)");
  app.add_option("--instance", o.instance, "Tablestore instance, when the spec file or command does not name one");
  app.add_flag("--emulator", o.emulator,
               "Talk to an in-process emulator of the three services instead of the cloud (no account needed)");
  app.add_option("--emulator-state", o.emulatorState,
                 "With --emulator: load the emulator's tasks from this file and save them back, so that "
                 "successive commands see the same tasks (implies --emulator)");

  auto* validate = app.add_subcommand("validate", "Check a spec file: every problem of every task, with file, line, path and rule. Sends nothing.");
  validate->add_option("FILE", o.file, "The spec file (JSON)")->required();

  auto* plan = app.add_subcommand("plan", "Compare a spec file with the tasks that exist: create, update, unchanged or replace per task. Exit 3 when there are changes.");
  plan->add_option("FILE", o.file, "The spec file (JSON)")->required();
  plan->add_flag("--allow-replace", o.allowReplace, "Accept tasks that must be replaced (exit 3 instead of 5)");

  auto* apply = app.add_subcommand("apply", "Carry out the plan of a spec file. Idempotent: a second run changes nothing.");
  apply->add_option("FILE", o.file, "The spec file (JSON)")->required();
  apply->add_flag("--allow-replace", o.allowReplace, "Delete and create again the tasks that cannot be updated in place");
  apply->add_flag("--wait", o.wait, "Wait until every task runs, showing each task's state");
  apply->add_option("--wait-timeout", o.waitSeconds, "Seconds to wait for each task with --wait")->check(CLI::Range(1, 86400));
  apply->add_flag("--dry-run", o.dryRun, "Print the signed HTTP requests that would change something (secrets redacted) instead of sending them");

  auto* get = app.add_subcommand("get", "Show one task: its id and state (table) or the service's answer (json)");
  get->add_option("FAMILY", o.family, "tablestore, dis, kafka or smartconnect")->required();
  get->add_option("SCOPE", o.scope, "Table (tablestore), stream (dis), connector id (kafka) or instance id (smartconnect)")->required();
  get->add_option("NAME", o.name, "Task name")->required();

  auto* list = app.add_subcommand("list", "List every task of a table, stream, connector or instance (page by page where the service pages)");
  list->add_option("FAMILY", o.family, "tablestore, dis, kafka or smartconnect")->required();
  list->add_option("SCOPE", o.scope, "Table (tablestore), stream (dis), connector id (kafka) or instance id (smartconnect)")->required();

  auto* del = app.add_subcommand("delete", "Delete one task (FAMILY SCOPE NAME) or every task of a spec file (-f FILE), after a confirmation prompt");
  del->add_option("FAMILY", o.family, "tablestore, dis, kafka or smartconnect");
  del->add_option("SCOPE", o.scope, "Table, stream, connector id or instance id");
  del->add_option("NAME", o.name, "Task name");
  del->add_option("-f,--file", o.file, "Delete every task of this spec file");
  del->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");
  del->add_flag("--dry-run", o.dryRun, "Print the signed HTTP requests instead of sending them");

  std::map<std::string, CLI::App*> actions;
  for (const auto& [name, help] : std::vector<std::pair<std::string, std::string>>{
           {"start", "Start a stopped DIS transfer task"},
           {"stop", "Stop a DIS transfer task"},
           {"pause", "Pause a Kafka Smart Connect task"},
           {"resume", "Resume a paused Kafka Smart Connect task"}}) {
    const bool disAction = name == "start" || name == "stop";
    auto* a = app.add_subcommand(name, help);
    a->add_option("SCOPE", o.scope, disAction ? "Stream name" : "Kafka instance id")->required();
    a->add_option("NAME", o.name, "Task name")->required();
    a->add_flag("--dry-run", o.dryRun, "Print the signed HTTP request instead of sending it");
    actions[name] = a;
  }

  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->footer(
        "Global options, before or after the command: -o/--output table|json, --profile, --region, --endpoint, "
        "--instance, --emulator, --emulator-state FILE (deliveryctl --help). Exit codes: 0 ok, 1 error, 2 usage, "
        "3 plan has changes, 4 invalid spec file, 5 needs --allow-replace, 6 delete not confirmed.");
  }

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    const int rc = app.exit(e, out, err);
    io.out << out.str();
    io.err << err.str();
    return rc == 0 ? kOk : kUsage;
  }
  if (!o.emulatorState.empty()) o.emulator = true;

  std::unique_ptr<delivery::testing::Emulator> own;
  delivery::testing::Emulator* emulator = injected;
  if (o.emulator && emulator == nullptr) {
    delivery::testing::EmulatorOptions eo;
    eo.stateFile = o.emulatorState;
    eo.taskPace = std::chrono::milliseconds(500);
    own = std::make_unique<delivery::testing::Emulator>(eo);
    if (auto started = own->start(); !started) return reportError(io, "the emulator did not start", started.error());
    emulator = own.get();
  }
  if (!o.emulator) emulator = nullptr;

  Clients clients(o, io, emulator);
  if (validate->parsed()) return cmdValidate(o, io);
  if (emulator != nullptr) prepareEmulator(*emulator, o);
  if (plan->parsed()) return cmdPlan(o, io, clients);
  if (apply->parsed()) return cmdApply(o, io, clients);
  if (get->parsed()) return cmdGet(o, io, clients);
  if (list->parsed()) return cmdList(o, io, clients);
  if (del->parsed()) return cmdDelete(o, io, clients);
  for (const auto& [name, a] : actions) {
    if (a->parsed()) return cmdAction(o, io, clients, name);
  }
  return kUsage;
}

}  // namespace deliveryctl
