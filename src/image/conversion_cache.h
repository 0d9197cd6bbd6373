// Remembers converted images (and generated covers) between builds, so a rebuild of a book
// whose images needed libvips copies the results instead of decoding again, and does not even
// start libvips. Entries are keyed by what went in: the source file's identity (path, size,
// modification time) or the cover's text, and the conversion limits.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "image/image_converter.h"

namespace pb::image {

class ConversionCache {
 public:
  // folder empty: nothing is remembered and results go to scratch.
  ConversionCache(std::filesystem::path folder, std::filesystem::path scratch);

  using Producer = std::function<Conversion(const std::filesystem::path& output_stem)>;

  // The cached result for key, or produce(stem) run now and kept. Failures are not kept.
  // Thread-safe: what is being made has a name of its own until it is renamed into place.
  Conversion get_or_make(const std::string& key, const Producer& produce);

  // A key for converting the file at source within limits.
  static std::string key_for_file(const std::filesystem::path& source, const ConvertLimits& limits);

 private:
  std::filesystem::path folder_;
  std::filesystem::path scratch_;
};

}  // namespace pb::image
