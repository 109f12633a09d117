#pragma once
// The raw libcurl side shared by delivery_bench_throughput and delivery_bench_async: one POST set
// up on an easy handle as CurlTransport sets it up, with nothing of the SDK around it.

#include <curl/curl.h>

#include <string>

#include "delivery/core/http.h"

namespace bench {

/// The header lines CurlTransport sends for `headers`: each field ("Name;" for an empty value,
/// libcurl's way to send one), no 100-continue round trip, and no default Content-Type when the
/// request has none. The caller frees the list with curl_slist_free_all; null when out of memory.
inline curl_slist* rawHeaderList(const delivery::Headers& headers) {
  curl_slist* list = nullptr;
  const auto append = [&list](const std::string& line) {
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (next == nullptr) {
      curl_slist_free_all(list);
      list = nullptr;
      return false;
    }
    list = next;
    return true;
  };
  for (const auto& [name, value] : headers) {
    if (!append(value.empty() ? name + ";" : name + ": " + value)) return nullptr;
  }
  if (!append("Expect:")) return nullptr;
  if (!headers.contains("Content-Type") && !append("Content-Type:")) return nullptr;
  return list;
}

/// Sets up `handle` to POST `body` (which must outlive it) with the `headers` list to `url`,
/// discarding the response body.
inline void setUpRawPost(CURL* handle, const std::string& url, const std::string& body, curl_slist* headers) {
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_POST, 1L);
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION,
                   +[](char*, std::size_t size, std::size_t count, void*) -> std::size_t { return size * count; });
}

}  // namespace bench
