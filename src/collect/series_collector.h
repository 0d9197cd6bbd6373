// Groups posts into series (parts that belong together) and lists the posts that stand alone.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sources/post.h"

namespace pb::collect {

struct SeriesPart {
  std::size_t post = 0;  // index into the posts given to collect_series
  int number = 0;        // part number
};

struct Series {
  std::string title;              // the stem as the first part writes it: the book's title
  std::string key;                // normalised stem
  std::string slug;               // "what-am-i-missing": for --series and file names
  std::vector<SeriesPart> parts;  // reading order: part number, then date, then id
  std::vector<int> missing;       // part numbers absent between 1 and the highest known part
  int declared_total = 0;         // from "(2 of 3)" markers, 0 when none
};

struct Collection {
  std::vector<Series> series;           // ordered by the date of their first part, then title
  std::vector<std::size_t> standalone;  // indices of posts in no series, ordered by date then id
};

Collection collect_series(const std::vector<sources::Post>& posts);

// "What Am I Missing?" -> "what-am-i-missing". ASCII letters and digits joined by '-'.
std::string slugify(std::string_view text);

}  // namespace pb::collect
