// Fetches URLs concurrently with libcurl's multi interface, through the on-disk cache:
// a bounded number of transfers in all and per host, HTTP/2 where offered, compressed
// responses, redirects limited to http(s), size caps, timeouts, retries with backoff, and
// conditional requests so a cached body is never downloaded twice.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "net/http_cache.h"
#include "net/http_response.h"
#include "net/progress.h"
#include "net/retry_policy.h"

namespace pb::net {

struct HttpOptions {
  int jobs = 8;      // transfers at once (--jobs)
  int per_host = 4;  // transfers at once to one host
  long connect_timeout_seconds = 10;
  long timeout_seconds = 60;                          // per transfer (--timeout)
  std::uintmax_t max_body_bytes = 30u * 1024 * 1024;  // (--max-image-size)
  int max_redirects = 5;
  std::chrono::milliseconds delay_per_host{0};  // pause between requests to one host (--delay)
  RetryPolicy retry;
  bool offline = false;         // only the cache; nothing goes to the network
  bool revalidate_all = false;  // ask about every cached response, even one its server called fresh
  bool quiet = false;           // no progress display
  std::string user_agent;       // default "postbinder/<version>"
};

enum class BodyMode { File, Memory };  // Memory also fills HttpResponse::body

struct HttpStats {
  std::size_t downloaded = 0;   // bodies transferred
  std::size_t revalidated = 0;  // 304 Not Modified answers
  std::size_t from_cache = 0;   // served without a request (offline)
  std::size_t fresh = 0;        // served without a request: still fresh (Cache-Control, Expires)
  std::size_t failed = 0;
  std::uintmax_t bytes = 0;  // body bytes transferred
  std::size_t requests = 0;  // HTTP requests sent, retries included
};

// Told of each URL's final answer as soon as it is known (on the thread running the transfers),
// so that work on one image can start while the others are still downloading.
using ResponseCallback = std::function<void(const HttpResponse& response)>;
// Asked now and then while a batch runs for URLs that should join it (empty: none yet), so work
// that turns up during a batch does not wait for its slowest transfer.
using MoreUrls = std::function<std::vector<std::string>()>;

class HttpClient {
 public:
  HttpClient(HttpOptions options, HttpCache& cache);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Responses in the order of urls; the same URL twice is fetched once. what names the batch
  // in the progress display ("images").
  std::vector<HttpResponse> fetch_all(const std::vector<std::string>& urls, BodyMode mode, const std::string& what);
  // The same, counted in a progress display shared by several batches; on_response (may be
  // empty) hears of each distinct URL once, when its answer is final. URLs more() returns join
  // the batch; their responses follow those of urls, in the order they were handed out.
  std::vector<HttpResponse> fetch_all(const std::vector<std::string>& urls, BodyMode mode, Progress& progress,
                                      const ResponseCallback& on_response = {}, const MoreUrls& more = {});
  HttpResponse fetch(const std::string& url, BodyMode mode);

  const HttpStats& stats() const { return stats_; }
  HttpCache& cache() { return cache_; }
  const HttpOptions& options() const { return options_; }

 private:
  HttpOptions options_;
  HttpCache& cache_;
  HttpStats stats_;
};

}  // namespace pb::net
