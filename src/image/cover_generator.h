// A cover for books whose first post has no featured image, so every book shows up with a
// cover in Kindle and Kobo libraries: the title, the author and the site on a calm colour
// chosen from the title (the same book always gets the same cover).
#pragma once

#include <filesystem>
#include <string>
#include <variant>

#include "image/image_converter.h"

namespace pb::image {

struct CoverText {
  std::string title;
  std::string author;
  std::string site;
};

// Writes output_stem + ".jpg" (1200x1800).
Conversion generate_cover(const CoverText& text, const std::filesystem::path& output_stem);

}  // namespace pb::image
