#pragma once
// ChainProvider's definition (internal): included by the .cc file that instantiates it for a
// vendor's credentials type (src/core/credentials_provider.cc, src/huawei/credentials_chain.cc).
//
// One mutex guards the cached generation; a fetch runs without it. The first caller that finds the
// generation due for renewal does the fetch; while one runs, callers whose generation is still
// comfortably valid return it at once, and callers that cannot sign with it (none cached, or less
// than mustRefreshBefore left) wait for that one fetch instead of starting their own.

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "delivery/core/credentials_provider.h"

DELIVERY_NAMESPACE_BEGIN

template <typename C>
struct ChainProvider<C>::State {
  std::vector<CredentialsSource<C>> sources;
  RefreshOptions options;
  std::shared_ptr<Clock> clock;

  mutable std::mutex mutex;  // guards everything below
  std::condition_variable fetched;
  std::shared_ptr<const Timed<C>> cached;
  int sourceIndex = -1;  // the source in use, once one has found credentials
  bool fetching = false;
  int failures = 0;  // consecutive failed fetches
  std::chrono::system_clock::time_point nextAttempt{};
  Error lastError{ErrorKind::InvalidArgument, "no credentials yet"};

  void log(LogLevel level, const std::string& message) const {
    if (options.logger && options.logger->level() <= level) options.logger->log(level, message);
  }

  // Runs without the lock. The chosen source, or every source in order before one is chosen.
  Result<std::pair<int, Timed<C>>> fetch(int chosen) const {
    if (chosen >= 0) {
      const CredentialsSource<C>& source = sources[static_cast<std::size_t>(chosen)];
      Result<SourceResult<C>> r = source.fetch();
      if (!r) {
        Error e(r.error().kind, source.name + ": " + r.error().message);
        e.violations = r.error().violations;  // field names, never values
        return e;
      }
      if (!r->value) return Error(ErrorKind::InvalidArgument, source.name + " no longer has credentials: " + r->whyAbsent);
      if (r->value->source.empty()) r->value->source = source.name;
      return std::make_pair(chosen, std::move(*r->value));
    }
    std::string tried;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      Result<SourceResult<C>> r = sources[i].fetch();
      if (!r) {
        Error e(r.error().kind, "credentials: " + sources[i].name + ": " + r.error().message +
                                    (tried.empty() ? std::string() : " (tried before it: " + tried + ")"));
        e.violations = r.error().violations;  // field names, never values
        return e;
      }
      if (r->value) {
        Timed<C> value = std::move(*r->value);
        if (value.source.empty()) value.source = sources[i].name;
        return std::make_pair(static_cast<int>(i), std::move(value));
      }
      if (!tried.empty()) tried += "; ";
      tried += sources[i].name + ": " + r->whyAbsent;
    }
    return Error(ErrorKind::InvalidArgument, "no credentials found; tried " + (tried.empty() ? std::string("no source") : tried));
  }

  // With the lock held, after a fetch: keeps what it found, or counts the failure.
  void apply(Result<std::pair<int, Timed<C>>>& r, std::chrono::system_clock::time_point now) {
    if (r) {
      const bool renewed = cached != nullptr;
      sourceIndex = r->first;
      cached = std::make_shared<const Timed<C>>(std::move(r->second));
      failures = 0;
      nextAttempt = {};
      std::string until = cached->expiration ? ", valid until " + detail::formatIso8601Millis(*cached->expiration)
                                             : std::string();
      log(LogLevel::Info, std::string(renewed ? "credentials renewed from " : "credentials from ") + cached->source + until);
      return;
    }
    lastError = r.error();
    ++failures;
    const auto pause = std::chrono::seconds(std::min(10, 1 << std::min(failures - 1, 4)));
    nextAttempt = now + pause;
    if (cached) {
      log(LogLevel::Warn, "renewing credentials failed: " + lastError.message + "; the current ones are used until " +
                              (cached->expiration ? detail::formatIso8601Millis(*cached->expiration) : std::string("renewed")));
    } else {
      log(LogLevel::Warn, lastError.message);
    }
  }

  Result<std::shared_ptr<const Timed<C>>> current() {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      const auto now = clock->now();
      if (cached) {
        if (!cached->expiration) return cached;
        const auto left = *cached->expiration - now;
        if (left > options.refreshBefore) return cached;
        if (left > options.mustRefreshBefore) {
          // Due, not urgent: one caller renews, the rest sign with what they have.
          if (fetching || now < nextAttempt) return cached;
        } else if (!fetching && now < nextAttempt && left > std::chrono::seconds(0)) {
          return cached;  // urgent, but the last attempt just failed: still valid, try again soon
        }
      } else if (!fetching && now < nextAttempt) {
        return lastError;  // every source failed a moment ago
      }
      if (fetching) {
        fetched.wait(lock);
        continue;
      }
      fetching = true;
      const int chosen = sourceIndex;
      lock.unlock();
      Result<std::pair<int, Timed<C>>> r = fetch(chosen);
      lock.lock();
      fetching = false;
      apply(r, clock->now());
      fetched.notify_all();
      if (cached && (!cached->expiration || *cached->expiration > clock->now())) return cached;
      return lastError;
    }
  }
};

template <typename C>
ChainProvider<C>::ChainProvider(std::vector<CredentialsSource<C>> sources, RefreshOptions options)
    : state_(std::make_unique<State>()) {
  state_->sources = std::move(sources);
  state_->clock = options.clock ? options.clock : systemClock();
  state_->options = std::move(options);
}

template <typename C>
ChainProvider<C>::~ChainProvider() = default;

template <typename C>
Result<std::shared_ptr<const Timed<C>>> ChainProvider<C>::current() {
  return state_->current();
}

template <typename C>
std::string ChainProvider<C>::sourceInUse() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->sourceIndex < 0 ? std::string() : state_->sources[static_cast<std::size_t>(state_->sourceIndex)].name;
}

namespace detail {

/// What a source found, checked like credentials given in code (C::validate(where)): found, or an
/// InvalidArgument naming `where` and each problem in its message too (a chain's error is read by
/// its message first); the validators name fields, never values.
template <typename C>
Result<SourceResult<C>> checkedCredentials(C c, std::string source, const std::string& where) {
  std::vector<FieldViolation> problems = c.validate(where);
  if (!problems.empty()) {
    std::string listed;
    for (const FieldViolation& p : problems) listed += (listed.empty() ? "" : "; ") + p.field + " " + p.message;
    Error e(ErrorKind::InvalidArgument, "the credentials in " + where + " are invalid: " + listed);
    e.violations = std::move(problems);
    return e;
  }
  return SourceResult<C>::found(Timed<C>{std::move(c), std::nullopt, std::move(source)});
}

/// The first source of a chain built with credentials given in code: those, once checked.
template <typename C>
CredentialsSource<C> explicitCredentialsSource(C given) {
  return CredentialsSource<C>{"explicit credentials",
                              [given]() { return checkedCredentials(given, "explicit credentials", "credentials"); }};
}

}  // namespace detail

DELIVERY_NAMESPACE_END
