// Decides what one image file becomes in a book, and makes it: a JPEG or PNG that fits is used
// byte for byte, anything else is converted (through the conversion cache), and a file that is
// not a whole image is a failure with its reason. Safe to call from several threads at once, so
// images can be prepared as their downloads finish, while others are still arriving.
#pragma once

#include <filesystem>
#include <string>

#include "image/conversion_cache.h"
#include "image/image_converter.h"
#include "image/sniff.h"

namespace pb::image {

struct PreparedImage {
  std::filesystem::path file;  // what goes into the book: the input itself or its converted copy
  Format format = Format::Unknown;
  int width = 0;
  int height = 0;
  bool converted = false;
  std::string failure;  // why the file cannot be used ("the JPEG file is truncated"); empty when usable

  bool ok() const { return failure.empty(); }
};

class ImagePreparer {
 public:
  // conversion_cache empty: converted files go to scratch (which must outlive the book).
  ImagePreparer(const ConvertLimits& limits, std::filesystem::path conversion_cache, std::filesystem::path scratch);

  PreparedImage prepare(const std::filesystem::path& file);

  // Covers and other made images share the cache (and its scratch naming).
  ConversionCache& conversions() { return conversions_; }

 private:
  ConvertLimits limits_;
  ConversionCache conversions_;
};

}  // namespace pb::image
