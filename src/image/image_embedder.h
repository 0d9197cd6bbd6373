// Gives every image of a book (figures and the cover) a file inside the book: local files and
// data: URIs are read, remote images come through a fetcher, every file is sniffed, and
// formats e-readers cannot show are converted. An image that cannot be had keeps its alt
// text and a failure reason; the packagers show a placeholder.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "book/model.h"
#include "common/diagnostics.h"

namespace pb::image {

// Gets remote images. fetch_all downloads the URLs (in parallel, through a cache) and
// returns, for each URL in order, the file holding its body, or an error message.
class RemoteImageSource {
 public:
  struct Result {
    std::filesystem::path file;  // empty on failure
    std::string error;           // why it failed: "HTTP 404", "timed out after 60 s"
  };
  virtual ~RemoteImageSource() = default;
  virtual std::vector<Result> fetch_all(const std::vector<std::string>& urls) = 0;
};

struct EmbedOptions {
  int max_width = 1600;           // wider images are scaled down
  int max_height = 2560;
  std::filesystem::path work_dir; // where converted files are written (lives until the book is written)
  RemoteImageSource* remote = nullptr;  // nullptr: remote images are not fetched
};

struct EmbedReport {
  std::size_t embedded = 0;
  std::size_t converted = 0;
  std::vector<std::string> failures;  // "URL: reason", one per failed image
};

EmbedReport embed_images(book::Book& book, const EmbedOptions& options, Diagnostics& diagnostics);

}  // namespace pb::image
