// The image sources a book needed the last time it was built, kept in the download cache: a
// rebuild starts revalidating all of them at once, while its chapters are still being
// converted, instead of chapter by chapter as each reports its images. The key covers what
// decides which images a book uses (each post's link, modification date and content length,
// the featured image, --max-image-width); a list that is out of date costs at most a request.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "transform/book_assembler.h"

namespace pb::cli {

std::string remembered_images_key(const transform::BookRequest& request);

// One source a line; sources never hold a line break (they are URLs or paths from HTML
// attributes, whose line breaks the transformer strips).
std::string join_sources(const std::vector<std::string>& sources);
std::vector<std::string> split_sources(const std::string& text);

}  // namespace pb::cli
