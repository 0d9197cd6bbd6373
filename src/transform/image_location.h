// Where the bytes of an image written in a post are: a local file next to the post file
// (never outside its folder), an http(s) URL resolved against the post's link, or a data: URI.
// Every other scheme (file:, javascript:, ftp:) is refused.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "book/model.h"

namespace pb::transform {

struct ImageBase {
  std::string base_url;            // the post's link
  std::filesystem::path base_dir;  // folder of the post file, empty for remote posts
  int max_image_width = 1600;
};

// Sets ref.source, or ref.failure saying why the image cannot be had.
void locate_image(std::string_view written, const ImageBase& base, book::ImageRef& ref);

}  // namespace pb::transform
