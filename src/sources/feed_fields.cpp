#include "sources/feed_fields.h"

#include <array>
#include <cstdio>
#include <vector>

#include "common/text.h"
#include "common/url.h"

namespace pb::sources {

namespace {

struct Civil {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool valid(const Civil& t) {
  return t.year >= 1 && t.year <= 9999 && t.month >= 1 && t.month <= 12 && t.day >= 1 &&
         t.day <= days_in_month(t.year, t.month) && t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59 &&
         t.second >= 0 && t.second <= 59;
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, int month, int day) {
  const int y = month <= 2 ? year - 1 : year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

Civil civil_from_seconds(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) rest += 86400, --days;
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<int>(days - era * 146097);
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  Civil t;
  t.day = doy - (153 * mp + 2) / 5 + 1;
  t.month = mp < 10 ? mp + 3 : mp - 9;
  t.year = static_cast<int>(yoe + era * 400) + (t.month <= 2 ? 1 : 0);
  t.hour = static_cast<int>(rest / 3600);
  t.minute = static_cast<int>(rest % 3600 / 60);
  t.second = static_cast<int>(rest % 60);
  return t;
}

std::int64_t to_seconds(const Civil& t) {
  return days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

std::string format(const Civil& t) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour, t.minute,
                t.second);
  return buffer;
}

std::optional<FeedTime> make_time(const Civil& local, int offset_seconds) {
  if (!valid(local)) return std::nullopt;
  const Civil utc = civil_from_seconds(to_seconds(local) - offset_seconds);
  if (!valid(utc)) return std::nullopt;
  return FeedTime{format(local), format(utc)};
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// "HH:MM" or "HH:MM:SS" (a leap second 60 counts as 59).
bool read_clock(std::string_view text, Civil& t) {
  const std::vector<std::string_view> parts = text::split(text, ':');
  if (parts.size() < 2 || parts.size() > 3) return false;
  for (const std::string_view part : parts)
    if (!all_digits(part) || part.size() > 2) return false;
  t.hour = to_int(parts[0]);
  t.minute = to_int(parts[1]);
  t.second = parts.size() == 3 ? to_int(parts[2]) : 0;
  if (t.second == 60) t.second = 59;
  return true;
}

// "+0200", "-04:00", "+02": seconds east of UTC.
std::optional<int> numeric_zone(std::string_view zone) {
  if (zone.size() < 2 || (zone[0] != '+' && zone[0] != '-')) return std::nullopt;
  std::string digits;
  for (const char c : zone.substr(1))
    if (c != ':') digits += c;
  if (!all_digits(digits) || (digits.size() != 4 && digits.size() != 2)) return std::nullopt;
  const int hours = to_int(std::string_view(digits).substr(0, 2));
  const int minutes = digits.size() == 4 ? to_int(std::string_view(digits).substr(2, 2)) : 0;
  if (hours > 23 || minutes > 59) return std::nullopt;
  const int offset = hours * 3600 + minutes * 60;
  return zone[0] == '-' ? -offset : offset;
}

std::optional<int> named_zone(std::string_view zone) {
  struct Named {
    std::string_view name;
    int hours;
  };
  static constexpr std::array<Named, 12> kZones = {{{"UT", 0},
                                                    {"UTC", 0},
                                                    {"GMT", 0},
                                                    {"Z", 0},
                                                    {"EST", -5},
                                                    {"EDT", -4},
                                                    {"CST", -6},
                                                    {"CDT", -5},
                                                    {"MST", -7},
                                                    {"MDT", -6},
                                                    {"PST", -8},
                                                    {"PDT", -7}}};
  for (const Named& named : kZones)
    if (text::iequals(zone, named.name)) return named.hours * 3600;
  for (const char c : zone)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return std::nullopt;
  return zone.empty() ? std::nullopt : std::optional<int>(0);
}

int month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  const std::string lower = text::ascii_lower(name);
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (lower.starts_with(kMonths[i])) return static_cast<int>(i) + 1;
  return 0;
}

// "YYYY-MM-DDTHH:MM:SS" exactly.
std::optional<Civil> plain_civil(std::string_view iso) {
  if (iso.size() != 19 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':')
    return std::nullopt;
  for (const std::size_t at : {0, 5, 8, 11, 14, 17})
    if (!all_digits(iso.substr(at, at == 0 ? 4 : 2))) return std::nullopt;
  Civil t;
  t.year = to_int(iso.substr(0, 4));
  t.month = to_int(iso.substr(5, 2));
  t.day = to_int(iso.substr(8, 2));
  t.hour = to_int(iso.substr(11, 2));
  t.minute = to_int(iso.substr(14, 2));
  t.second = to_int(iso.substr(17, 2));
  if (!valid(t)) return std::nullopt;
  return t;
}

bool is_alpha_word(std::string_view word) {
  for (const char c : word)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.')) return false;
  return !word.empty();
}

}  // namespace

std::optional<FeedTime> parse_rfc822_time(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text::is_html_space(text[pos]) || text[pos] == ',')) ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && !text::is_html_space(text[pos]) && text[pos] != ',') ++pos;
    if (pos > start) words.push_back(text.substr(start, pos - start));
  }
  std::size_t next = 0;
  if (next < words.size() && is_alpha_word(words[next]) && month_number(words[next]) == 0) ++next;  // weekday
  if (next + 3 > words.size()) return std::nullopt;
  Civil t;
  // "12 Apr 2024", and the "Apr 12 2024" some generators write.
  if (all_digits(words[next]) && words[next].size() <= 2) {
    t.day = to_int(words[next]);
    t.month = month_number(words[next + 1]);
  } else {
    t.month = month_number(words[next]);
    if (!all_digits(words[next + 1]) || words[next + 1].size() > 2) return std::nullopt;
    t.day = to_int(words[next + 1]);
  }
  const std::string_view year = words[next + 2];
  if (t.month == 0 || !all_digits(year) || (year.size() != 2 && year.size() != 4)) return std::nullopt;
  t.year = to_int(year);
  if (year.size() == 2) t.year += t.year < 50 ? 2000 : 1900;
  next += 3;
  int offset = 0;
  if (next < words.size()) {
    if (!read_clock(words[next], t)) return std::nullopt;
    ++next;
  }
  if (next < words.size()) {
    std::optional<int> zone = numeric_zone(words[next]);
    if (!zone) zone = named_zone(words[next]);
    if (!zone) return std::nullopt;
    offset = *zone;
  }
  return make_time(t, offset);
}

std::optional<FeedTime> parse_iso8601_time(std::string_view input) {
  const std::string_view text = text::trim(input);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
    return std::nullopt;
  Civil t;
  t.year = to_int(text.substr(0, 4));
  t.month = to_int(text.substr(5, 2));
  t.day = to_int(text.substr(8, 2));
  int offset = 0;
  if (text.size() > 10) {
    if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
    std::string_view rest = text.substr(11);
    std::size_t clock_end = 0;
    while (clock_end < rest.size() && ((rest[clock_end] >= '0' && rest[clock_end] <= '9') || rest[clock_end] == ':'))
      ++clock_end;
    if (!read_clock(rest.substr(0, clock_end), t)) return std::nullopt;
    rest.remove_prefix(clock_end);
    if (rest.starts_with('.') || rest.starts_with(',')) {  // fractional seconds: dropped
      std::size_t digits = 1;
      while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
      if (digits == 1) return std::nullopt;
      rest.remove_prefix(digits);
    }
    if (rest == "Z" || rest == "z" || rest.empty()) {
      offset = 0;
    } else {
      const std::optional<int> zone = numeric_zone(rest);
      if (!zone) return std::nullopt;
      offset = *zone;
    }
  }
  return make_time(t, offset);
}

std::optional<std::string> parse_mysql_time(std::string_view input) {
  const std::string_view text = text::trim(input);
  if (text.size() != 19 || text[10] != ' ') return std::nullopt;
  std::string iso(text);
  iso[10] = 'T';
  const std::optional<FeedTime> time = parse_iso8601_time(iso);
  if (!time) return std::nullopt;
  return time->local;
}

std::optional<std::string> shift_time(std::string_view iso, std::int64_t seconds) {
  const std::optional<Civil> t = plain_civil(iso);
  if (!t) return std::nullopt;
  const Civil shifted = civil_from_seconds(to_seconds(*t) + seconds);
  if (!valid(shifted)) return std::nullopt;
  return format(shifted);
}

std::optional<std::int64_t> seconds_between(std::string_view a, std::string_view b) {
  const std::optional<Civil> first = plain_civil(a);
  const std::optional<Civil> second = plain_civil(b);
  if (!first || !second) return std::nullopt;
  return to_seconds(*first) - to_seconds(*second);
}

std::int64_t post_id_from_url(std::string_view address) {
  const std::optional<url::Parts> parts = url::parse(text::trim(address));
  if (!parts) return 0;
  for (const std::string_view pair : text::split(parts->query, '&')) {
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view key = pair.substr(0, equals);
    const std::string_view value = pair.substr(equals + 1);
    if ((key == "p" || key == "page_id") && all_digits(value) && value.size() <= 15) {
      std::int64_t id = 0;
      for (const char c : value) id = id * 10 + (c - '0');
      if (id > 0) return id;
    }
  }
  return 0;
}

std::int64_t synthetic_post_id(std::string_view url_or_text) {
  const std::string_view trimmed = text::trim(url_or_text);
  const std::string key = url::parse(trimmed) ? url::page_key(trimmed) : std::string(trimmed);
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a, 64 bit
  for (const char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  constexpr std::uint64_t kRange = (std::uint64_t{1} << 53) - (std::uint64_t{1} << 40);
  return kFirstSyntheticPostId + static_cast<std::int64_t>(hash % kRange);
}

std::string slug_from_link(std::string_view link) {
  const std::optional<url::Parts> parts = url::parse(text::trim(link));
  if (!parts) return {};
  std::string_view path = parts->path;
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace pb::sources
