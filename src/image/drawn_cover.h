// The cover drawn for a book whose first post has no featured image: its text taken from the
// book's metadata, drawn once and kept in the conversion cache (a rebuild finds it there).
#pragma once

#include <string>
#include <variant>

#include "book/model.h"
#include "image/conversion_cache.h"
#include "image/image_converter.h"

namespace pb::image {

Conversion draw_book_cover(const book::Book& book, ConversionCache& conversions);

}  // namespace pb::image
