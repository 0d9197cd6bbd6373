#include "collect/series_collector.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "collect/glyphs.h"
#include "collect/part_title.h"

namespace pb::collect {
namespace {

using sources::Post;

// A post that names a part, and whether its own title said so (rather than only its slug).
struct Member {
  std::size_t post = 0;
  PartTitle part;
  bool from_title = false;
};

// WordPress writes "0000-00-00T00:00:00" as the GMT date of posts never published.
std::string_view reading_date(const Post& post) {
  const bool usable_gmt = !post.date_gmt.empty() && !post.date_gmt.starts_with("0000");
  return usable_gmt ? std::string_view(post.date_gmt) : std::string_view(post.date);
}

// Date, then id, then input position: a total order, so output never depends on sort stability.
bool published_before(const std::vector<Post>& posts, std::size_t a, std::size_t b) {
  const auto date_a = reading_date(posts[a]);
  const auto date_b = reading_date(posts[b]);
  if (date_a != date_b) return date_a < date_b;
  if (posts[a].id != posts[b].id) return posts[a].id < posts[b].id;
  return a < b;
}

// The title's marker wins over the slug's: the title is what the author wrote for readers.
std::optional<Member> member_for(const std::vector<Post>& posts, std::size_t index) {
  if (auto part = parse_part_title(posts[index].title)) return Member{index, std::move(*part), true};
  if (auto part = parse_part_slug(posts[index].slug)) return Member{index, std::move(*part), false};
  return std::nullopt;
}

// "#3" alone could be anything ("Top Tips #3"); it takes a second post with the same stem.
bool forms_series(const std::vector<Member>& members) {
  const bool any_strong = std::any_of(members.begin(), members.end(), [](const Member& m) { return !m.part.weak; });
  return any_strong || members.size() >= 2;
}

std::vector<int> missing_numbers(const std::vector<SeriesPart>& parts, int declared_total) {
  int highest = declared_total;
  for (const SeriesPart& part : parts) highest = std::max(highest, part.number);
  std::vector<bool> present(static_cast<std::size_t>(highest) + 1, false);
  for (const SeriesPart& part : parts) present[static_cast<std::size_t>(part.number)] = true;
  std::vector<int> missing;
  for (int number = 1; number <= highest; ++number)
    if (!present[static_cast<std::size_t>(number)]) missing.push_back(number);
  return missing;
}

// A slug stem is lower case ("what am i missing"); as a book title it reads better capitalised.
std::string capitalize_words(std::string_view text) {
  std::string title(text);
  bool word_start = true;
  for (char& c : title) {
    if (word_start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    word_start = c == ' ';
  }
  return title;
}

// The stem as the earliest-numbered part writes it in its title; members are in reading order.
std::string series_title(const std::vector<Member>& members) {
  for (const Member& member : members)
    if (member.from_title) return member.part.stem;
  return capitalize_words(members.front().part.stem);
}

Series assemble_series(const std::vector<Post>& posts, std::vector<Member> members) {
  std::sort(members.begin(), members.end(), [&](const Member& a, const Member& b) {
    if (a.part.number != b.part.number) return a.part.number < b.part.number;
    return published_before(posts, a.post, b.post);
  });
  Series series;
  series.key = members.front().part.key;
  series.title = series_title(members);
  for (const Member& member : members) {
    series.parts.push_back({member.post, member.part.number});
    series.declared_total = std::max(series.declared_total, member.part.total);
  }
  series.missing = missing_numbers(series.parts, series.declared_total);
  return series;
}

// Slugs name output files and --series arguments, so each must be unique and non-empty.
void assign_unique_slugs(std::vector<Series>& series) {
  std::set<std::string> taken;
  for (Series& one : series) {
    std::string base = slugify(one.title);
    if (base.empty()) base = slugify(one.key);
    if (base.empty()) base = "series";
    std::string slug = base;
    for (int suffix = 2; taken.contains(slug); ++suffix) slug = base + "-" + std::to_string(suffix);
    taken.insert(slug);
    one.slug = std::move(slug);
  }
}

// Latin-1 letters spelled in ASCII, the way WordPress's remove_accents() builds slugs.
// Indexed by code point - 0xC0; empty for × and ÷.
constexpr std::array<std::string_view, 64> kLatin1InAscii = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e",  "e", "e", "i", "i", "i", "i", "d",  "n", "o",  "o", "o", "o",
    "o", "",  "o", "u", "u", "u", "u",  "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e", "e", "e",
    "i", "i", "i", "i", "d", "n", "o",  "o", "o",  "o",  "o", "",  "o", "u", "u", "u", "u",  "y", "th", "y"};

std::string_view ascii_spelling(char32_t code) {
  if (code >= 0xC0 && code <= 0xFF) return kLatin1InAscii[code - 0xC0];
  if (code == 0x152 || code == 0x153) return "oe";
  return {};
}

}  // namespace

Collection collect_series(const std::vector<Post>& posts) {
  std::map<std::string, std::vector<Member>> by_key;
  for (std::size_t index = 0; index < posts.size(); ++index) {
    if (auto member = member_for(posts, index)) by_key[member->part.key].push_back(std::move(*member));
  }

  Collection collection;
  std::vector<bool> in_series(posts.size(), false);
  for (auto& [key, members] : by_key) {
    if (!forms_series(members)) continue;
    for (const Member& member : members) in_series[member.post] = true;
    collection.series.push_back(assemble_series(posts, std::move(members)));
  }

  std::sort(collection.series.begin(), collection.series.end(), [&](const Series& a, const Series& b) {
    const auto date_a = reading_date(posts[a.parts.front().post]);
    const auto date_b = reading_date(posts[b.parts.front().post]);
    if (date_a != date_b) return date_a < date_b;
    if (a.title != b.title) return a.title < b.title;
    return a.key < b.key;
  });
  assign_unique_slugs(collection.series);

  for (std::size_t index = 0; index < posts.size(); ++index)
    if (!in_series[index]) collection.standalone.push_back(index);
  std::sort(collection.standalone.begin(), collection.standalone.end(),
            [&](std::size_t a, std::size_t b) { return published_before(posts, a, b); });
  return collection;
}

std::string slugify(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  auto append_word_piece = [&](std::string_view piece) {
    if (pending_dash && !slug.empty()) slug += '-';
    pending_dash = false;
    slug += piece;
  };
  glyphs::for_each_glyph(text, [&](const glyphs::Glyph& glyph) {
    if (glyphs::is_apostrophe(glyph.code)) return;           // "What’s" -> "whats", as WordPress does
    if (glyphs::in_range(glyph.code, 0x300, 0x36F)) return;  // accents written as combining marks
    if (glyphs::is_ascii_alnum(glyph.code)) {
      const char c = static_cast<char>(glyphs::ascii_lower(glyph.code));
      append_word_piece(std::string_view(&c, 1));
    } else if (const auto spelled = ascii_spelling(glyph.code); !spelled.empty()) {
      append_word_piece(spelled);
    } else {
      pending_dash = true;
    }
  });
  return slug;
}

}  // namespace pb::collect
