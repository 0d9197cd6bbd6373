// Dates as WordPress writes them and as EPUB and PDF want them.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace pb::iso_time {

// Parses "2024-04-12T14:15:30" (optionally with "Z", fractional seconds or an offset) as UTC,
// the way WordPress writes date_gmt and modified_gmt. nullopt for anything else.
std::optional<std::time_t> parse_utc(std::string_view text);

// "2024-04-12T14:15:30Z", the form dcterms:modified requires.
std::string format_utc(std::time_t when);

// "2024-04-12" from the first ten characters of an ISO date, or "" when they are not a date.
std::string date_part(std::string_view text);

// "12 April 2024" for an ISO date, or the input unchanged when it cannot be read.
std::string human_date(std::string_view iso_date);

// The SOURCE_DATE_EPOCH environment variable (reproducible-builds.org), when set and valid.
std::optional<std::time_t> source_date_epoch();

}  // namespace pb::iso_time
