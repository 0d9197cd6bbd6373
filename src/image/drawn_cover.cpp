#include "image/drawn_cover.h"

#include "common/digest.h"
#include "image/draw_api.h"

namespace pb::image {

Conversion draw_book_cover(const book::Book& book, ConversionCache& conversions) {
  // When no post names an author the site stands in for one: print it once.
  std::string author = book.authors.empty() ? std::string() : book.authors.front();
  if (author == book.publisher) author.clear();
  const CoverText text{book.title, author, book.publisher};
  // "cover-2": covers cached by the libvips drawing (cover-1) look different; a cache filled by
  // an older postbinder must not make the same book come out in other bytes.
  const std::string key = digest::sha256_hex("cover-2\n" + text.title + "\n" + text.author + "\n" + text.site);
  return conversions.get_or_make(key,
                                 [&](const std::filesystem::path& stem) { return draw_cover_in_module(text, stem); });
}

}  // namespace pb::image
