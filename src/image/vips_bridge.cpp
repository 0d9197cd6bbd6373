// The way into the libvips module for the rest of postbinder: loads it on first use (see
// vips_api.h) and calls into it.

#include "common/module_loader.h"
#include "image/vips_api.h"

namespace pb::image {

namespace {

namespace fs = std::filesystem;

#ifdef POSTBINDER_VIPS_MODULE_BUILD_PATH
constexpr const char* kBuildPath = POSTBINDER_VIPS_MODULE_BUILD_PATH;
#else
constexpr const char* kBuildPath = "";
#endif

const VipsApi& load_api() {
  return module_api<VipsApi>(
      {"postbinder_vips.so", "POSTBINDER_VIPS_MODULE", kBuildPath, "postbinder_vips_api", "libvips", kVipsApiVersion});
}

}  // namespace

Conversion convert_with_vips(const fs::path& input, const fs::path& output_stem, const ConvertLimits& limits) {
  return load_api().convert(input, output_stem, limits);
}

}  // namespace pb::image
