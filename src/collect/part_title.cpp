// A hand-written scanner rather than std::regex: titles can be very long, std::regex backtracks
// and recurses on them, and the rules below ("a Roman numeral only after Part", "never when a
// word follows the number") are clearer as code than as one pattern.
#include "collect/part_title.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "collect/glyphs.h"

namespace pb::collect {
namespace {

using glyphs::Glyph;

constexpr int kLargestPartNumber = 999;

// ---------------------------------------------------------------------------------------------
// Numbers

enum NumberStyle : unsigned {
  kArabic = 1U << 0U,  // "2"
  kRoman = 1U << 1U,   // "II": only after Part/Pt, where "World War II" cannot be meant
  kWord = 1U << 2U,    // "Two"
};
constexpr unsigned kAnyStyle = kArabic | kRoman | kWord;

constexpr std::array<std::string_view, 20> kRomanNumerals = {"i",    "ii",  "iii",  "iv",    "v",   "vi",   "vii",
                                                             "viii", "ix",  "x",    "xi",    "xii", "xiii", "xiv",
                                                             "xv",   "xvi", "xvii", "xviii", "xix", "xx"};

constexpr std::array<std::string_view, 20> kNumberWords = {
    "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",     "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

std::optional<int> parse_arabic(std::string_view token) {
  if (token.empty() || token.size() > 6) return std::nullopt;  // the cap keeps the sum from overflowing
  int value = 0;
  for (const char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > kLargestPartNumber) return std::nullopt;
  return value;
}

template <std::size_t N>
std::optional<int> position_in(const std::array<std::string_view, N>& table, std::string_view lower) {
  for (std::size_t i = 0; i < N; ++i)
    if (table[i] == lower) return static_cast<int>(i) + 1;
  return std::nullopt;
}

std::optional<int> parse_number(std::string_view token, unsigned styles) {
  if ((styles & kArabic) != 0U)
    if (auto value = parse_arabic(token)) return value;
  if (token.size() > 9) return std::nullopt;  // longer than "seventeen": no word or numeral
  const std::string lower = glyphs::ascii_lower(token);
  if ((styles & kRoman) != 0U)
    if (auto value = position_in(kRomanNumerals, lower)) return value;
  if ((styles & kWord) != 0U)
    if (auto value = position_in(kNumberWords, lower)) return value;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Tokens: runs of word characters, runs of spaces, and single punctuation marks.

enum class Kind { kWord, kSpace, kMark };

struct Token {
  Kind kind = Kind::kMark;
  std::size_t begin = 0;
  std::size_t end = 0;
  char32_t mark = 0;  // the code point, for kMark
};

Kind kind_of(char32_t code) {
  if (glyphs::is_space(code)) return Kind::kSpace;
  return glyphs::is_word_char(code) ? Kind::kWord : Kind::kMark;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  glyphs::for_each_glyph(text, [&](const Glyph& glyph) {
    const Kind kind = kind_of(glyph.code);
    const bool extends_run = kind != Kind::kMark && !tokens.empty() && tokens.back().kind == kind;
    if (extends_run) {
      tokens.back().end = glyph.end;
    } else {
      tokens.push_back({kind, glyph.begin, glyph.end, glyph.code});
    }
  });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Trimming stems and subtitles

// What may sit between a stem and its marker: "Stem, Part 2", "Stem – Part 2", "Stem | Part 2".
// "?" and "!" belong to the stem ("What am I missing? Part 2").
bool is_stem_separator(char32_t code) {
  return glyphs::is_space(code) || glyphs::is_dash(code) || code == ',' || code == ':' || code == ';' || code == '|' ||
         code == '/' || code == 0x00B7 || code == 0x2022;
}

bool is_subtitle_lead(char32_t code) {
  return is_stem_separator(code) || code == '.' || code == ')' || code == ']' || code == 0x2026;
}

// Drops leading glyphs matching drop_lead and trailing glyphs matching drop_trail.
template <typename LeadPredicate, typename TrailPredicate>
std::string trim_glyphs(std::string_view text, LeadPredicate drop_lead, TrailPredicate drop_trail) {
  std::size_t first = text.size();
  std::size_t last_end = 0;
  glyphs::for_each_glyph(text, [&](const Glyph& glyph) {
    if (first == text.size() && drop_lead(glyph.code)) return;
    if (first == text.size()) first = glyph.begin;
    if (!drop_trail(glyph.code)) last_end = glyph.end;
  });
  if (first == text.size() || last_end <= first) return {};
  return std::string(text.substr(first, last_end - first));
}

std::string trim_stem(std::string_view text) {
  return trim_glyphs(text, glyphs::is_space, is_stem_separator);
}

std::string trim_subtitle(std::string_view text) {
  return trim_glyphs(text, is_subtitle_lead, glyphs::is_space);
}

void drop_closing_bracket(std::string& subtitle, char32_t closer) {
  if (closer == 0 || subtitle.empty() || static_cast<char32_t>(subtitle.back()) != closer) return;
  subtitle.pop_back();
  subtitle = trim_subtitle(subtitle);
}

// A stem needs a letter: "Part 2" and "2024 – Part 1" are no series names.
bool key_has_letter(std::string_view key) {
  for (const char c : key)
    if (c != ' ' && (c < '0' || c > '9')) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Markers in titles

struct Marker {
  std::size_t begin = 0;  // byte offset where the marker (with its opening bracket) starts
  std::size_t end = 0;    // byte offset just past the marker (and its closing bracket)
  int number = 0;
  int total = 0;
  // "Stem (Part 2: Beginnings)": the bracket opened before the marker closes after the
  // subtitle, so the subtitle drops that closing bracket.
  char32_t unclosed_bracket = 0;
};

bool is_opening_bracket(char32_t code) {
  return code == '(' || code == '[';
}

char32_t closing_bracket_for(char32_t opening) {
  return opening == '(' ? U')' : U']';
}

// What may follow a part number: the end, or punctuation that closes or separates it
// ("Part 2: Subtitle", "(Part 2)", "Part 2 — Subtitle"). A word may not ("The Part I Love",
// "Going to PT 3 Times a Week"), nor an apostrophe, percent sign or the like ("Part 2’s").
bool ends_part_number(char32_t code) {
  static constexpr std::u32string_view kTerminators = U",:;.!?)]}|/\"~\u2026\u201C\u201D\u00AB\u00BB\u00B7\u2022([";
  return glyphs::is_dash(code) || kTerminators.find(code) != std::u32string_view::npos;
}

// Bracketed "(N of M)" and unbracketed "– N of M" markers only count when N <= M.
bool valid_total(int number, int total) {
  return total == 0 || (total >= number && total <= kLargestPartNumber);
}

// Part numbers glued to the word: "Part2", "Pt3" (word already lower case).
std::optional<int> glued_part_number(std::string_view lower_word) {
  for (const std::string_view prefix : {std::string_view("part"), std::string_view("pt")}) {
    if (lower_word.size() > prefix.size() && lower_word.starts_with(prefix))
      return parse_arabic(lower_word.substr(prefix.size()));
  }
  return std::nullopt;
}

class TitleScanner {
 public:
  explicit TitleScanner(std::string_view title)
      : title_(title), tokens_(tokenize(title)), first_letter_(first_letter_offset()) {}

  // The first marker whose stem has a letter; strong markers (Part, Pt, N of M) win over "#N".
  std::optional<PartTitle> scan() const {
    for (std::size_t i = 0; i < tokens_.size(); ++i)
      if (auto found = accept(strong_marker_at(i), false)) return found;
    for (std::size_t i = 0; i < tokens_.size(); ++i)
      if (auto found = accept(hash_marker_at(i), true)) return found;
    return std::nullopt;
  }

 private:
  std::optional<Marker> strong_marker_at(std::size_t i) const {
    if (auto marker = part_word_marker_at(i)) return marker;
    if (auto marker = bracketed_fraction_at(i)) return marker;
    return separated_fraction_at(i);
  }

  std::optional<PartTitle> accept(const std::optional<Marker>& marker, bool weak) const {
    // The stem must reach a letter; checked by offset so a title full of letterless candidates
    // ("#1, #2, #3, …") stays linear.
    if (!marker || marker->begin <= first_letter_) return std::nullopt;
    PartTitle part;
    part.stem = trim_stem(title_.substr(0, marker->begin));
    part.key = normalize_stem(part.stem);
    if (!key_has_letter(part.key)) return std::nullopt;
    part.number = marker->number;
    part.total = marker->total;
    part.subtitle = trim_subtitle(title_.substr(marker->end));
    drop_closing_bracket(part.subtitle, marker->unclosed_bracket);
    part.weak = weak;
    return part;
  }

  // "Part 2", "Pt. 2", "Part II", "Part Two", "Part2", optionally "of M", optionally bracketed.
  std::optional<Marker> part_word_marker_at(std::size_t i) const {
    if (!is_word(i)) return std::nullopt;
    const std::string word = glyphs::ascii_lower(text_of(i));
    std::optional<int> number;
    std::size_t next = i + 1;
    if (word == "part" || word == "pt") {
      std::size_t j = i + 1;
      const bool dot = is_mark(j, '.');
      if (dot) ++j;
      const std::size_t number_at = skip_spaces(j);
      if (number_at == j && !dot) return std::nullopt;  // "Part-Time", "Part’s"
      number = number_in(number_at, kAnyStyle);
      next = number_at + 1;
    } else {
      number = glued_part_number(word);
    }
    if (!number) return std::nullopt;
    Marker marker{tokens_[i].begin, tokens_[next - 1].end, *number, 0};
    if (auto total_end = of_total(next, kAnyStyle, marker.total)) next = *total_end;
    if (!valid_total(marker.number, marker.total) || !ends_cleanly(next)) return std::nullopt;
    marker.end = tokens_[next - 1].end;
    wrap_in_brackets(i, next, marker);
    return marker;
  }

  // "(2 of 3)", "[Two of Three]".
  std::optional<Marker> bracketed_fraction_at(std::size_t i) const {
    if (!is_mark_where(i, is_opening_bracket)) return std::nullopt;
    const std::size_t number_at = skip_spaces(i + 1);
    const auto number = number_in(number_at, kArabic | kWord);
    if (!number) return std::nullopt;
    Marker marker{tokens_[i].begin, 0, *number, 0};
    const auto total_end = of_total(number_at + 1, kArabic | kWord, marker.total);
    if (!total_end || !valid_total(marker.number, marker.total)) return std::nullopt;
    const std::size_t closing = skip_spaces(*total_end);
    if (!is_mark(closing, closing_bracket_for(tokens_[i].mark))) return std::nullopt;
    marker.end = tokens_[closing].end;
    return marker;
  }

  // "Stem – 1 of 3", "Stem: 2 of 3": digits only, after a separator, at the end of a phrase;
  // "One of Three Sisters" or "1 of 3 Americans" never qualify.
  std::optional<Marker> separated_fraction_at(std::size_t i) const {
    const auto number = number_in(i, kArabic);
    if (!number || i == 0) return std::nullopt;
    const std::size_t before = skip_spaces_back(i - 1);
    if (before == kNone || !is_mark_where(before, is_stem_separator)) return std::nullopt;
    Marker marker{tokens_[i].begin, 0, *number, 0};
    const auto total_end = of_total(i + 1, kArabic, marker.total);
    if (!total_end || !valid_total(marker.number, marker.total) || !ends_cleanly(*total_end)) return std::nullopt;
    marker.end = tokens_[*total_end - 1].end;
    return marker;
  }

  // "Stem #3": weak, digits glued to the "#", nothing but punctuation after ("My #1 Tip" is no part).
  std::optional<Marker> hash_marker_at(std::size_t i) const {
    if (!is_mark(i, '#')) return std::nullopt;
    const auto number = number_in(i + 1, kArabic);
    if (!number) return std::nullopt;
    const bool starts_phrase =
        i == 0 || tokens_[i - 1].kind == Kind::kSpace || is_mark_where(i - 1, is_opening_bracket);
    if (!starts_phrase || !ends_cleanly(i + 2)) return std::nullopt;
    Marker marker{tokens_[i].begin, tokens_[i + 1].end, *number, 0};
    wrap_in_brackets(i, i + 2, marker);
    return marker;
  }

  // Reads " of M" starting at token `from`; on success stores M and returns the index after it.
  std::optional<std::size_t> of_total(std::size_t from, unsigned styles, int& total) const {
    const std::size_t of_at = skip_spaces(from);
    if (of_at == from || !is_word(of_at) || glyphs::ascii_lower(text_of(of_at)) != "of") return std::nullopt;
    const std::size_t total_at = skip_spaces(of_at + 1);
    if (total_at == of_at + 1) return std::nullopt;
    const auto value = number_in(total_at, styles);
    if (!value) return std::nullopt;
    total = *value;
    return total_at + 1;
  }

  // True when the number that ended just before token `next` stands on its own.
  bool ends_cleanly(std::size_t next) const {
    if (next >= tokens_.size()) return true;
    if (tokens_[next].kind == Kind::kMark) {
      // "Part 2.5", "Part 2-3", "Part 2,000": the number goes on, it is no part number.
      const bool continues_number = is_word(next + 1) && glyphs::is_ascii_digit(first_code(next + 1));
      return ends_part_number(tokens_[next].mark) && !continues_number;
    }
    const std::size_t after_space = skip_spaces(next);
    return after_space >= tokens_.size() || is_mark_where(after_space, ends_part_number);
  }

  // "(Part 3)": the brackets belong to the marker, not to the stem or the subtitle.
  void wrap_in_brackets(std::size_t first, std::size_t next, Marker& marker) const {
    if (first == 0) return;
    const std::size_t before = skip_spaces_back(first - 1);
    if (before == kNone || !is_mark_where(before, is_opening_bracket)) return;
    marker.begin = tokens_[before].begin;
    const std::size_t closing = skip_spaces(next);
    const char32_t closer = closing_bracket_for(tokens_[before].mark);
    if (is_mark(closing, closer)) {
      marker.end = tokens_[closing].end;
    } else {
      marker.unclosed_bracket = closer;
    }
  }

  std::size_t first_letter_offset() const {
    for (const Token& token : tokens_) {
      if (token.kind != Kind::kWord) continue;
      std::size_t offset = kNone;
      glyphs::for_each_glyph(text_of(token), [&](const Glyph& glyph) {
        if (offset == kNone && !glyphs::is_ascii_digit(glyph.code)) offset = token.begin + glyph.begin;
      });
      if (offset != kNone) return offset;
    }
    return title_.size();
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::optional<int> number_in(std::size_t i, unsigned styles) const {
    if (!is_word(i)) return std::nullopt;
    return parse_number(text_of(i), styles);
  }

  std::size_t skip_spaces(std::size_t i) const {
    while (i < tokens_.size() && tokens_[i].kind == Kind::kSpace) ++i;
    return i;
  }

  // The last token at or before i that is not a space, or kNone.
  std::size_t skip_spaces_back(std::size_t i) const {
    while (i != kNone && tokens_[i].kind == Kind::kSpace) --i;
    return i;
  }

  bool is_word(std::size_t i) const { return i < tokens_.size() && tokens_[i].kind == Kind::kWord; }

  bool is_mark(std::size_t i, char32_t code) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::kMark && tokens_[i].mark == code;
  }

  template <typename Predicate>
  bool is_mark_where(std::size_t i, Predicate predicate) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::kMark && predicate(tokens_[i].mark);
  }

  std::string_view text_of(const Token& token) const { return title_.substr(token.begin, token.end - token.begin); }
  std::string_view text_of(std::size_t i) const { return text_of(tokens_[i]); }
  char32_t first_code(std::size_t i) const { return glyphs::decode_at(title_, tokens_[i].begin).code; }

  std::string_view title_;
  std::vector<Token> tokens_;
  std::size_t first_letter_;
};

// ---------------------------------------------------------------------------------------------
// Slugs

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// WordPress stores non-ASCII slugs percent-encoded ("caf%c3%a9"); malformed escapes stay as is.
std::string percent_decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const int high = text[i] == '%' && i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = high >= 0 ? hex_value(text[i + 2]) : -1;
    if (low >= 0) {
      decoded += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

std::vector<std::string> slug_words(std::string_view slug) {
  std::vector<std::string> words;
  const std::string decoded = glyphs::ascii_lower(percent_decode(slug));
  std::string word;
  for (const char c : decoded) {
    const bool separator = c == '-' || c == '_' || c == '/' || c == ' ';
    if (!separator) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string join_words(const std::vector<std::string>& words, std::size_t first, std::size_t last) {
  std::string joined;
  for (std::size_t i = first; i < last; ++i) {
    if (!joined.empty()) joined += ' ';
    joined += words[i];
  }
  return joined;
}

// The part number after "part"/"pt" at words[i]; sets next to the index after it.
std::optional<int> slug_part_number(const std::vector<std::string>& words, std::size_t i, std::size_t& next) {
  const std::string& word = words[i];
  if (word != "part" && word != "pt") {
    next = i + 1;
    return glued_part_number(word);
  }
  if (i + 1 >= words.size()) return std::nullopt;
  next = i + 2;
  // Words follow every number in a slug, so a Roman numeral only counts at the very end:
  // "the-part-i-love" is no part one, "stem-part-ii" is part two.
  const bool last = next == words.size();
  return parse_number(words[i + 1], last ? kAnyStyle : (kArabic | kWord));
}

}  // namespace

std::optional<int> parse_part_number(std::string_view token) {
  return parse_number(token, kAnyStyle);
}

std::optional<PartTitle> parse_part_title(std::string_view title) {
  return TitleScanner(title).scan();
}

std::optional<PartTitle> parse_part_slug(std::string_view slug) {
  const std::vector<std::string> words = slug_words(slug);
  for (std::size_t i = 1; i < words.size(); ++i) {
    std::size_t next = i + 1;
    const auto number = slug_part_number(words, i, next);
    if (!number) continue;
    PartTitle part;
    part.number = *number;
    if (next + 1 < words.size() && words[next] == "of") {
      if (auto total = parse_number(words[next + 1], kArabic | kWord); total && *total >= part.number) {
        part.total = *total;
        next += 2;
      }
    }
    part.stem = join_words(words, 0, i);
    part.key = normalize_stem(part.stem);
    if (!key_has_letter(part.key)) continue;
    part.subtitle = join_words(words, next, words.size());
    return part;
  }
  return std::nullopt;
}

namespace {

// Case folding for the scripts blog titles mostly use: ASCII, Latin-1, Latin Extended-A,
// basic Greek and Cyrillic. Other characters are compared as written.
char32_t fold_case(char32_t code) {
  using glyphs::in_range;
  if (code < 0x80) return glyphs::ascii_lower(code);
  if (in_range(code, 0xC0, 0xDE) && code != 0xD7) return code + 0x20;
  if (code == 0x130) return U'i';
  if (code == 0x178) return 0xFF;
  const bool even_upper = in_range(code, 0x100, 0x137) || in_range(code, 0x14A, 0x177);
  const bool odd_upper = in_range(code, 0x139, 0x148) || in_range(code, 0x179, 0x17E);
  if ((even_upper && code % 2 == 0) || (odd_upper && code % 2 == 1)) return code + 1;
  if (in_range(code, 0x391, 0x3A9) && code != 0x3A2) return code + 0x20;
  if (in_range(code, 0x410, 0x42F)) return code + 0x20;
  if (in_range(code, 0x400, 0x40F)) return code + 0x50;
  return code;
}

}  // namespace

std::string normalize_stem(std::string_view stem) {
  std::string key;
  bool pending_space = false;
  glyphs::for_each_glyph(stem, [&](const Glyph& glyph) {
    if (glyphs::is_apostrophe(glyph.code)) return;  // "What’s" and "Whats" are the same stem
    if (!glyphs::is_word_char(glyph.code)) {
      pending_space = true;  // punctuation, dashes and spaces all separate words
      return;
    }
    if (pending_space && !key.empty()) key += ' ';
    pending_space = false;
    glyphs::append_utf8(key, fold_case(glyph.code));
  });
  return key;
}

}  // namespace pb::collect
