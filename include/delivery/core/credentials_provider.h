#pragma once

#include "delivery/export.h"
// Where a client's credentials come from, and how temporary ones are renewed.
//
// A client created with fixed credentials signs with them for its whole life (the simple path).
// A client created with a provider asks it before every attempt, so credentials that expire (STS
// tokens, ECS RAM-role and agency credentials) are renewed without rebuilding the client.
//
// The vendors' default chains are in delivery/tablestore/credentials.h (Alibaba Cloud) and
// delivery/huawei/credentials_chain.h (Huawei Cloud), their instance-metadata sources in
// delivery/tablestore/ecs_ram_role.h and delivery/huawei/metadata_credentials.h; the README's
// "Credentials" section lists their order, files and variables.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "delivery/core/clock.h"
#include "delivery/core/logging.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN

/// One generation of credentials: used together, never mixed with another generation's parts.
template <typename C>
struct Timed {
  /// The credentials themselves.
  C credentials;
  /// When they stop working; none for long-term access keys.
  std::optional<std::chrono::system_clock::time_point> expiration;
  /// Where they came from, e.g. "environment (ALIBABA_CLOUD_ACCESS_KEY_ID...)". Never a secret.
  std::string source;
};

/// Supplies the credentials to sign the next request with.
///
/// @par Thread safety
/// current() is called by every thread that uses the client, concurrently; implementations must
/// allow that. The returned generation is immutable and may be kept while a request is signed.
template <typename C>
class BasicCredentialsProvider {
 public:
  virtual ~BasicCredentialsProvider() = default;
  /// The credentials to sign with now, or an error saying why there are none (every source of a
  /// chain failed, or the last generation expired and could not be renewed).
  virtual Result<std::shared_ptr<const Timed<C>>> current() = 0;
};

/// What a source of credentials found.
template <typename C>
struct SourceResult {
  /// Not found: the source does not apply here (a variable unset, no file, no metadata service).
  /// The chain goes on to the next source. A source that applies but is broken (a file without
  /// its keys, a metadata answer that cannot be read) returns an error instead, which stops the chain.
  static SourceResult absent(std::string why) { return SourceResult{std::nullopt, std::move(why)}; }
  /// Found: `value` is used, and renewed from the same source before it expires.
  static SourceResult found(Timed<C> value) { return SourceResult{std::move(value), {}}; }

  /// What was found; empty when absent.
  std::optional<Timed<C>> value;
  /// Why nothing was found (never a secret); empty when found.
  std::string whyAbsent;
};

/// A named place to look for credentials, asked again for each renewal of what it gave.
template <typename C>
struct CredentialsSource {
  std::string name;  ///< e.g. "environment", "credentials file ~/.alibabacloud/credentials"
  /// Looks once: found, absent (the chain goes on) or an Error (the chain stops with it).
  /// May block (files, the network); called by one thread at a time per chain.
  std::function<Result<SourceResult<C>>()> fetch;
};

/// How a refreshing provider renews temporary credentials.
struct RefreshOptions {
  /// Renew once less than this is left. One caller renews; the others keep signing with the
  /// current generation meanwhile. A failed renewal is logged and retried after a growing pause
  /// (1 s, 2 s, 4 s... up to 10 s) while the current generation is still valid.
  std::chrono::seconds refreshBefore{15 * 60};
  /// With less than this left (or none cached), callers wait for the renewal instead, and get an
  /// error only when it fails and the current generation has expired.
  std::chrono::seconds mustRefreshBefore{60};
  std::shared_ptr<Clock> clock;      ///< systemClock() when null
  std::shared_ptr<Sleeper> sleeper;  ///< unused by the engine itself; for sources that retry
  std::shared_ptr<Logger> logger;    ///< renewals and failures (never secrets); none when null
};

/// Asks `sources` in order, the first time credentials are needed, and keeps the first that
/// finds some; renews from that same source before they expire (see RefreshOptions). When none
/// finds any, the error lists every source and what it said. Fixed credentials (no expiration)
/// are read once and kept.
template <typename C>
class ChainProvider final : public BasicCredentialsProvider<C> {
 public:
  /// Asks nothing yet: the first current() call reads the sources. Thread-safe once built.
  ChainProvider(std::vector<CredentialsSource<C>> sources, RefreshOptions options = {});
  ~ChainProvider() override;
  ChainProvider(const ChainProvider&) = delete;
  ChainProvider& operator=(const ChainProvider&) = delete;

  Result<std::shared_ptr<const Timed<C>>> current() override;
  /// The name of the source in use, empty before the first success.
  std::string sourceInUse() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Fixed credentials, as a provider.
template <typename C>
std::shared_ptr<BasicCredentialsProvider<C>> fixedCredentials(C credentials, std::string source = "explicit") {
  class Fixed final : public BasicCredentialsProvider<C> {
   public:
    explicit Fixed(std::shared_ptr<const Timed<C>> value) : value_(std::move(value)) {}
    Result<std::shared_ptr<const Timed<C>>> current() override { return value_; }

   private:
    std::shared_ptr<const Timed<C>> value_;
  };
  return std::make_shared<Fixed>(
      std::make_shared<const Timed<C>>(Timed<C>{std::move(credentials), std::nullopt, std::move(source)}));
}

DELIVERY_NAMESPACE_END
