// The way into the libvips module for the rest of postbinder: loads it on first use (see
// vips_api.h) and calls into it.

#include <cstdlib>
#include <mutex>
#include <vector>

#include "common/error.h"
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
  // Loaded once; a failure is retried (and reported) by the next image that needs it.
  static const VipsApi* const api = [] {
    using Entry = const VipsApi* (*)();
    const auto entry = reinterpret_cast<Entry>(load_module_entry("postbinder_vips.so", "POSTBINDER_VIPS_MODULE",
                                                                 kBuildPath, "postbinder_vips_api", "libvips"));
    const VipsApi* loaded = entry();
    if (loaded->version != kVipsApiVersion)
      throw BuildError("libvips", "cannot load postbinder_vips.so: it belongs to another postbinder version");
    return loaded;
  }();
  return *api;
}

}  // namespace

std::variant<ConvertedImage, std::string> convert_with_vips(const fs::path& input, const fs::path& output_stem,
                                                            const ConvertLimits& limits) {
  return load_api().convert(input, output_stem, limits);
}

}  // namespace pb::image
