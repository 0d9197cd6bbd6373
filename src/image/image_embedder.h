// Gives every image of a book (figures and the cover) a file inside the book: local files and
// data: URIs are read, remote images come through a fetch function (the HTTP client), every
// file is sniffed, JPEG and PNG that fit are kept byte for byte, everything else is converted.
// An image that cannot be had keeps its alt text and a failure reason (the packagers show a
// placeholder); a book whose first post has no usable featured image gets a generated cover.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "book/model.h"
#include "common/diagnostics.h"
#include "image/image_converter.h"
#include "image/image_preparer.h"

namespace pb::image {

struct FetchedImage {
  std::filesystem::path file;  // the body on disk; empty on failure
  std::string error;           // why it failed: "HTTP 404 Not Found", "timed out after 60 s"
  // Set when the fetcher took the file in hand as it arrived (ImagePreparer): gives its result,
  // waiting for a worker that has started it, or preparing it on the calling thread if none has.
  std::function<PreparedImage()> prepared;
};
// Downloads the URLs and returns, for each in order, the file holding its body or an error.
using FetchImages = std::function<std::vector<FetchedImage>(const std::vector<std::string>& urls)>;

struct EmbedOptions {
  ConvertLimits limits;                    // wider or taller images are scaled down
  std::filesystem::path work_dir;          // converted files; must live until the book is written
  std::filesystem::path conversion_cache;  // keeps converted images between builds; empty: none
  FetchImages fetch;                       // empty: remote images are not fetched
  bool generate_cover = true;
  // Set when the caller has started drawing the book's cover already (draw_book_cover, while
  // the chapters converted and the images downloaded): the generated cover comes from here, the
  // call waiting for it if needed. Only used when the book has no cover source of its own.
  std::function<Conversion()> cover_drawn_ahead;
};

struct EmbedReport {
  std::size_t embedded = 0;  // distinct image files in the book (cover included)
  std::size_t converted = 0;
  std::vector<std::string> failures;  // "URL: reason", one per failed image
  bool generated_cover = false;
};

EmbedReport embed_images(book::Book& book, const EmbedOptions& options, Diagnostics& diagnostics);

}  // namespace pb::image
