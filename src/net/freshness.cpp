#include "net/freshness.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

#include "common/libcurl.h"
#include "common/text.h"

namespace pb::net {

namespace {

std::string_view header(const std::map<std::string, std::string>& headers, const std::string& name) {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string_view() : std::string_view(found->second);
}

// A delta-seconds value ("3600"); nullopt when it is not one. Huge values saturate.
std::optional<std::time_t> seconds(std::string_view text) {
  text = text::trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  if (text.empty()) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  constexpr long long kLongest = 2147483647;  // what a cache must accept (RFC 9111, 1.2.2); more is as good
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) return std::time_t{kLongest};
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return static_cast<std::time_t>(std::min(value, kLongest));
}

std::optional<std::time_t> http_date(std::string_view text) {
  if (text::trim(text).empty()) return std::nullopt;
  const std::time_t when = libcurl().getdate(std::string(text).c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return when;
}

}  // namespace

std::time_t fresh_until(const std::map<std::string, std::string>& headers, std::time_t now) {
  std::optional<std::time_t> max_age;
  for (std::string_view directive : text::split(header(headers, "cache-control"), ',')) {
    directive = text::trim(directive);
    const std::size_t equals = directive.find('=');
    const std::string name = text::ascii_lower(text::trim(directive.substr(0, equals)));
    if (name == "no-cache" || name == "no-store") return 0;
    if (name == "max-age" && equals != std::string_view::npos) {
      const std::optional<std::time_t> value = seconds(directive.substr(equals + 1));
      if (!value) return 0;  // a max-age that cannot be read: ask
      max_age = max_age ? std::min(*max_age, *value) : *value;
    }
  }
  // The response may have waited in a shared cache on the way: its age counts against the lifetime.
  const std::time_t age = seconds(header(headers, "age")).value_or(0);
  std::time_t lifetime = 0;
  if (max_age) {
    lifetime = *max_age;
  } else if (const std::string_view expires = header(headers, "expires"); !expires.empty()) {
    const std::optional<std::time_t> expiry = http_date(expires);
    if (!expiry) return 0;  // an Expires that is not a date means already expired (RFC 9111, 5.3)
    lifetime = *expiry - http_date(header(headers, "date")).value_or(now);
  }
  if (lifetime <= age) return 0;
  return now + (lifetime - age);
}

}  // namespace pb::net
