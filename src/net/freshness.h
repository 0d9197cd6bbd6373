// How long a stored response may be used again without asking the server (RFC 9111, 4.2), for
// a private cache: Cache-Control max-age counts first (no-cache and no-store: never without
// asking), else Expires against Date. Without an explicit lifetime every reuse is revalidated:
// no heuristic from Last-Modified, which would keep a replaced image for days.
#pragma once

#include <ctime>
#include <map>
#include <string>

namespace pb::net {

// Until when (Unix seconds) a response received at now with these headers (lower-case names)
// is fresh; 0 when it must be revalidated before any reuse.
std::time_t fresh_until(const std::map<std::string, std::string>& headers, std::time_t now);

}  // namespace pb::net
