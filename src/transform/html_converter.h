// Turns a post's content.rendered HTML into document-model blocks: gumbo parses it as a
// fragment, one walk maps each element to a block or inline, and everything a book cannot
// carry (scripts, styles, forms, event handlers, iframes, presentational wrappers) is dropped
// or turned into something a reader can use.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "book/model.h"
#include "common/diagnostics.h"
#include "transform/id_registry.h"
#include "transform/post_link_index.h"

namespace pb::transform {

struct ConversionInput {
  std::string_view html;
  std::string base_url;            // the post's link: relative URLs resolve against it
  std::filesystem::path base_dir;  // folder of a local post file (relative images), or empty
  std::string chapter_title;       // a first heading repeating it is dropped
  std::size_t chapter = 0;         // index of this chapter ("#anchor" links stay in it)
  int max_image_width = 1600;
  const PostLinkIndex* links = nullptr;  // other posts of the book, for cross-chapter links
  std::string origin;                    // names the post in warnings
};

// Converts the HTML. ids holds the ids already taken in the chapter (the title's) and receives
// every id the content keeps or gets. Content headings are shifted so the highest is level 2.
book::Blocks convert_html(const ConversionInput& input, IdRegistry& ids, Diagnostics& diagnostics);

}  // namespace pb::transform
