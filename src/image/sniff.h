// What a file really is, from its first bytes: never from its name or a Content-Type header.
#pragma once

#include <string>
#include <string_view>

namespace pb::image {

enum class Format { Unknown, Jpeg, Png, Gif, WebP, Avif, Tiff, Bmp, Svg, Heic, Html, Empty };

// Needs at most the first 512 bytes; fewer is fine for the binary formats.
Format sniff(std::string_view head);

const char* format_name(Format format);  // "JPEG", "HTML"...
const char* media_type(Format format);   // "image/jpeg"; "" for non-images
const char* extension(Format format);    // "jpg"; "" for non-images

// Formats every e-reader displays as they are.
bool is_ebook_ready(Format format);

}  // namespace pb::image
