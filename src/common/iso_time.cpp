#include "common/iso_time.h"

#include <array>
#include <charconv>
#include <cstdlib>

namespace pb::iso_time {

namespace {

bool read_number(std::string_view text, std::size_t pos, std::size_t digits, int& out) {
  if (pos + digits > text.size()) return false;
  for (std::size_t i = pos; i < pos + digits; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  std::from_chars(text.data() + pos, text.data() + pos + digits, out);
  return true;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool is_real_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
long long days_from_civil(long long year, unsigned month, unsigned day) {
  year -= month <= 2;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<long long>(day_of_era) - 719468;
}

}  // namespace

std::optional<std::time_t> parse_utc(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_number(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !read_number(text, 5, 2, month) ||
      text[7] != '-' || !read_number(text, 8, 2, day))
    return std::nullopt;
  std::size_t pos = 10;
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    if (!read_number(text, 11, 2, hour) || text.size() < 19 || text[13] != ':' || !read_number(text, 14, 2, minute) ||
        text[16] != ':' || !read_number(text, 17, 2, second))
      return std::nullopt;
    pos = 19;
    while (pos < text.size() && (text[pos] == '.' || (text[pos] >= '0' && text[pos] <= '9'))) ++pos;
  }
  int offset_seconds = 0;
  if (pos < text.size()) {
    if (text[pos] == 'Z') {
      ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
      int offset_hours = 0, offset_minutes = 0;
      const std::size_t minutes_at = text.size() > pos + 3 && text[pos + 3] == ':' ? pos + 4 : pos + 3;
      if (!read_number(text, pos + 1, 2, offset_hours) || !read_number(text, minutes_at, 2, offset_minutes))
        return std::nullopt;
      offset_seconds = (offset_hours * 3600 + offset_minutes * 60) * (text[pos] == '-' ? -1 : 1);
      pos = minutes_at + 2;
    }
  }
  if (pos != text.size()) return std::nullopt;
  if (!is_real_date(year, month, day) || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  const long long days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return static_cast<std::time_t>(days * 86400 + hour * 3600 + minute * 60 + second - offset_seconds);
}

std::string format_utc(std::time_t when) {
  std::tm parts{};
  gmtime_r(&when, &parts);
  std::array<char, 32> buffer{};
  std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer.data();
}

std::string date_part(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() < 10 || !read_number(text, 0, 4, year) || text[4] != '-' || !read_number(text, 5, 2, month) ||
      text[7] != '-' || !read_number(text, 8, 2, day) || !is_real_date(year, month, day))
    return "";
  return std::string(text.substr(0, 10));
}

std::string human_date(std::string_view iso_date) {
  static constexpr std::array<const char*, 12> months = {"January",   "February", "March",    "April",
                                                         "May",       "June",     "July",     "August",
                                                         "September", "October",  "November", "December"};
  const std::string date = date_part(iso_date);
  if (date.empty()) return std::string(iso_date);
  int year = 0, month = 0, day = 0;
  read_number(date, 0, 4, year);
  read_number(date, 5, 2, month);
  read_number(date, 8, 2, day);
  return std::to_string(day) + " " + months[static_cast<std::size_t>(month - 1)] + " " + std::to_string(year);
}

std::optional<std::time_t> source_date_epoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  long long seconds = 0;
  const std::string_view text(value);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size() || seconds < 0) return std::nullopt;
  return static_cast<std::time_t>(seconds);
}

}  // namespace pb::iso_time
