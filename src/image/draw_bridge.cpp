// The way into the drawing module for the rest of postbinder: loads it on first use (see
// draw_api.h) and calls into it.
#include "common/module_loader.h"
#include "image/draw_api.h"

namespace pb::image {

namespace {

namespace fs = std::filesystem;

#ifdef POSTBINDER_DRAW_MODULE_BUILD_PATH
constexpr const char* kBuildPath = POSTBINDER_DRAW_MODULE_BUILD_PATH;
#else
constexpr const char* kBuildPath = "";
#endif

const DrawApi& load_api() {
  return module_api<DrawApi>({"postbinder_draw.so", "POSTBINDER_DRAW_MODULE", kBuildPath, "postbinder_draw_api",
                              "image codecs", kDrawApiVersion});
}

}  // namespace

std::optional<Conversion> convert_plain_webp_in_module(const fs::path& input, const fs::path& output_stem,
                                                       const ConvertLimits& limits) {
  return load_api().convert_plain_webp(input, output_stem, limits);
}

Conversion draw_cover_in_module(const CoverText& text, const fs::path& output_stem) {
  return load_api().generate_cover(text, output_stem);
}

}  // namespace pb::image
