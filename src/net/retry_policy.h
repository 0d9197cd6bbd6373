// When a failed transfer is worth another try, and how long to wait first: connection errors,
// 429 and 5xx are retried with exponential backoff (or the server's Retry-After); other 4xx,
// refusals and oversize bodies never are.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include <curl/curl.h>

namespace pb::net {

struct RetryPolicy {
  int max_retries = 3;
  std::chrono::milliseconds first_delay{500};
  std::chrono::milliseconds longest_wait{60000};  // a Retry-After beyond this gives up instead

  bool should_retry_transport(CURLcode code) const;
  bool should_retry_status(long status) const { return status == 429 || (status >= 500 && status <= 599); }

  // Backoff before attempt number `attempt` (1 = the first retry): first_delay * 2^(attempt-1).
  std::chrono::milliseconds backoff(int attempt) const;
};

// Retry-After as seconds ("120") or an HTTP date; nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value, std::time_t now);

}  // namespace pb::net
