// Binds posts, in reading order, into a Book: one chapter per post, converted from HTML, with
// links between the posts turned into links between chapters, and the book's metadata
// (title, authors, stable identifier, dates, series) taken from the posts and the options.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "book/model.h"
#include "common/diagnostics.h"
#include "sources/post.h"

namespace pb::transform {

struct BookRequest {
  std::vector<const sources::Post*> posts;  // reading order
  std::vector<int> parts;                   // part number of each post, 0 when standalone
  std::string title;                        // the series stem, or --title
  std::optional<std::string> series;        // set when the book binds one series
  std::string author;                       // --author: replaces the posts' authors
  std::string language = "en";              // --lang
  int max_image_width = 1600;
  // Called with the image sources of the cover, then of each chapter as soon as it is converted
  // (from worker threads, in any order), so downloads can start before the whole book is done.
  std::function<void(const std::vector<std::string>&)> on_images;
  // Called once the book's metadata (title, authors, site, cover source) is set, before its
  // chapters convert: a cover that must be drawn can be started then.
  std::function<void(const book::Book&)> on_started;
};

// Throws BuildError when nothing is left to bind (every post password-protected).
book::Book assemble_book(const BookRequest& request, Diagnostics& diagnostics);

}  // namespace pb::transform
