// The boundary between postbinder and its drawing module (postbinder_draw.so): the WebP decoder,
// the JPEG and PNG encoders and the generated cover's fonts (HarfBuzz, FreeType, Fontconfig,
// FriBidi and the libraries they bring). Mapping them costs every process start some 5 ms on a
// virtual machine, while a rebuild, which finds its conversions and its cover in the cache,
// needs none of them. So they live in a module loaded the first time a WebP image is converted
// or a cover drawn, on the worker thread that needs it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include "image/cover_generator.h"
#include "image/image_converter.h"

namespace pb::image {

constexpr int kDrawApiVersion = 1;

struct DrawApi {
  int version;
  std::optional<Conversion> (*convert_plain_webp)(const std::filesystem::path& input,
                                                  const std::filesystem::path& output_stem,
                                                  const ConvertLimits& limits);
  Conversion (*generate_cover)(const CoverText& text, const std::filesystem::path& output_stem);
};

// Load the module on first use and call into it; see webp_converter.h and cover_generator.h.
// Throw BuildError when the module cannot be loaded.
std::optional<Conversion> convert_plain_webp_in_module(const std::filesystem::path& input,
                                                       const std::filesystem::path& output_stem,
                                                       const ConvertLimits& limits);
Conversion draw_cover_in_module(const CoverText& text, const std::filesystem::path& output_stem);

}  // namespace pb::image

// The module's one exported symbol.
extern "C" const pb::image::DrawApi* postbinder_draw_api();
