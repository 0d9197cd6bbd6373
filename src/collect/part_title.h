// Reads a post title (or slug) as "stem + part marker + optional subtitle":
// "Stem Part 2", "Stem, Part Two", "Stem – Part II", "Stem (Part 3)", "Stem [Part 1]",
// "Stem Pt. 2", "Stem (2 of 3)", "Stem #3", "Stem Part 2: Subtitle", "Stem, Part Four — Subtitle".
// Titles without a marker, and false friends ("Being Part of a Community", "World War II"),
// give nullopt.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pb::collect {

struct PartTitle {
  std::string stem;      // as written, trimmed of separators: "What am I missing?"
  std::string key;       // stem normalised for grouping: "what am i missing"
  int number = 0;        // 1-based part number
  int total = 0;         // "(2 of 3)" gives 3; 0 when unknown
  std::string subtitle;  // text after the marker, may be empty
  // A weak marker ("Stem #3") only forms a series when another post shares the stem.
  bool weak = false;
};

// "2", "II", "ii", "Two", "twenty" -> the number; nullopt for anything else.
// Arabic 1..999, Roman numerals I..XX, English words one..twenty.
std::optional<int> parse_part_number(std::string_view token);

std::optional<PartTitle> parse_part_title(std::string_view title);

// "what-am-i-missing-part-2-applying-attachment-theory" -> stem key "what am i missing", 2.
std::optional<PartTitle> parse_part_slug(std::string_view slug);

// Lower case, punctuation and dashes dropped, whitespace collapsed: stems that differ only in
// case, punctuation or dashes get the same key.
std::string normalize_stem(std::string_view stem);

}  // namespace pb::collect
