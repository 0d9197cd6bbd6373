#include "net/retry_policy.h"

#include <charconv>
#include <string>

#include "common/libcurl.h"
#include "common/text.h"

namespace pb::net {

bool RetryPolicy::should_retry_transport(CURLcode code) const {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    default:
      return false;
  }
}

std::chrono::milliseconds RetryPolicy::backoff(int attempt) const {
  const int doublings = attempt > 1 ? attempt - 1 : 0;
  return first_delay * (1 << (doublings > 10 ? 10 : doublings));
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value, std::time_t now) {
  value = text::trim(value);
  if (value.empty()) return std::nullopt;
  long long seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error == std::errc() && end == value.data() + value.size())
    return std::chrono::milliseconds(seconds < 0 ? 0 : seconds * 1000);
  const std::string date(value);
  const std::time_t when = libcurl().getdate(date.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return std::chrono::milliseconds(when > now ? (when - now) * 1000 : 0);
}

}  // namespace pb::net
