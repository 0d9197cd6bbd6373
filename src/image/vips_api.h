// The boundary between postbinder and its libvips module. libvips brings a hundred shared
// libraries with it; loading them costs every run some 40 ms and 20 MB, while most builds copy
// their JPEG and PNG images as they are and convert nothing. So the code that uses libvips lives
// in a module (postbinder_vips.so) that vips_bridge.cpp loads the first time an image needs
// converting. (Version 1 also drew the generated cover; cover_generator.cpp now draws it without
// libvips.)
#pragma once

#include <filesystem>
#include <string>
#include <variant>

#include "image/image_converter.h"

namespace pb::image {

constexpr int kVipsApiVersion = 2;

struct VipsApi {
  int version;
  Conversion (*convert)(const std::filesystem::path& input, const std::filesystem::path& output_stem,
                        const ConvertLimits& limits);
};

// Loads the module on first use and converts with it (what convert_image() falls back to).
Conversion convert_with_vips(const std::filesystem::path& input, const std::filesystem::path& output_stem,
                             const ConvertLimits& limits);

namespace vips {
// Implemented inside the module.
Conversion convert(const std::filesystem::path& input, const std::filesystem::path& output_stem,
                   const ConvertLimits& limits);
}  // namespace vips

}  // namespace pb::image

// The module's one exported symbol.
extern "C" const pb::image::VipsApi* postbinder_vips_api();
