// Field conversions shared by the feed and WXR readers: dates in the forms feeds write them,
// post ids from WordPress URLs, slugs from links.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pb::sources {

// A moment as a feed wrote it: "local" is the wall-clock time in the zone the date was written
// in, "utc" the same moment in UTC; both "YYYY-MM-DDTHH:MM:SS".
struct FeedTime {
  std::string local;
  std::string utc;
};

// RFC 822/2822 dates as RSS pubDate holds them: "Fri, 12 Apr 2024 14:15:30 +0000". Lenient about
// what feeds get wrong: the weekday is optional and never checked, seconds and the zone may be
// missing (then UTC), two-digit years, full month names, "+01:00". Zones: numeric, UT/UTC/GMT/Z,
// the US names (EST, EDT, CST, CDT, MST, MDT, PST, PDT); other names count as UTC, as RFC 2822
// says for military zones. nullopt when no date can be read.
std::optional<FeedTime> parse_rfc822_time(std::string_view text);

// RFC 3339 / ISO 8601 dates as Atom and dc:date hold them: "2024-04-12T10:15:30-04:00", with
// optional fractional seconds, "Z" or no zone (UTC), or a date alone.
std::optional<FeedTime> parse_iso8601_time(std::string_view text);

// WXR's "2024-04-12 10:15:30" as "2024-04-12T10:15:30"; nullopt for WordPress's empty
// "0000-00-00 00:00:00" (drafts) and anything that is not such a date.
std::optional<std::string> parse_mysql_time(std::string_view text);

// Shifts a "YYYY-MM-DDTHH:MM:SS" time by a number of seconds; nullopt when it is not one.
std::optional<std::string> shift_time(std::string_view iso, std::int64_t seconds);

// Seconds from b to a, both "YYYY-MM-DDTHH:MM:SS"; nullopt when either is not such a time.
std::optional<std::int64_t> seconds_between(std::string_view a, std::string_view b);

// The post id in a WordPress URL: the "p" or "page_id" query parameter of a guid such as
// "https://example.org/?p=123". 0 when there is none.
std::int64_t post_id_from_url(std::string_view url);

// An id for a post whose source gives none (a feed item whose guid is not "?p=N"): FNV-1a (64
// bit) of the URL's page key (url::page_key: scheme, "www.", trailing slash and fragment
// ignored), or of the text itself when it is not a URL, mapped into [2^40, 2^53). Real WordPress
// ids are far below 2^40, so the two never collide, and the value stays exact in a double.
std::int64_t synthetic_post_id(std::string_view url_or_text);

constexpr std::int64_t kFirstSyntheticPostId = std::int64_t{1} << 40;

// The last non-empty path segment of a post URL, as written (still percent-encoded, as
// WordPress slugs are): "https://example.org/2024/04/12/part-2/" -> "part-2". Empty for URLs
// without a path ("https://example.org/?p=12") and for text that is not a URL.
std::string slug_from_link(std::string_view link);

}  // namespace pb::sources
