// The way into the libvips module for the rest of postbinder: loads it on first use (see
// vips_api.h) and calls into it.
#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <vector>

#include "common/error.h"
#include "image/vips_api.h"

namespace pb::image {

namespace {

namespace fs = std::filesystem;

constexpr const char* kModuleName = "postbinder_vips.so";

fs::path executable_folder() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : self.parent_path();
}

// Where the module may be: $POSTBINDER_VIPS_MODULE, beside the binary, in ../lib/postbinder
// (an installed tree), and where the build put it.
std::vector<fs::path> module_candidates() {
  std::vector<fs::path> candidates;
  if (const char* chosen = std::getenv("POSTBINDER_VIPS_MODULE"); chosen && *chosen) candidates.emplace_back(chosen);
  const fs::path folder = executable_folder();
  if (!folder.empty()) {
    candidates.push_back(folder / kModuleName);
    candidates.push_back(folder / ".." / "lib" / "postbinder" / kModuleName);
  }
#ifdef POSTBINDER_VIPS_MODULE_BUILD_PATH
  candidates.emplace_back(POSTBINDER_VIPS_MODULE_BUILD_PATH);
#endif
  return candidates;
}

const VipsApi& load_api() {
  static const VipsApi* api = nullptr;
  static std::string failure;
  static std::once_flag once;
  std::call_once(once, [] {
    for (const fs::path& candidate : module_candidates()) {
      std::error_code error;
      if (!fs::exists(candidate, error)) continue;
      void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        failure = dlerror();
        continue;
      }
      using Entry = const VipsApi* (*)();
      const auto entry = reinterpret_cast<Entry>(dlsym(handle, "postbinder_vips_api"));
      if (entry && entry()->version == kVipsApiVersion) {
        api = entry();
        return;
      }
      failure = candidate.string() + " is not a matching postbinder_vips module";
    }
    if (failure.empty()) failure = std::string(kModuleName) + " was not found beside the postbinder binary";
  });
  if (!api) throw BuildError("libvips", "cannot load the image conversion module: " + failure);
  return *api;
}

}  // namespace

std::variant<ConvertedImage, std::string> convert_with_vips(const fs::path& input, const fs::path& output_stem,
                                                            const ConvertLimits& limits) {
  return load_api().convert(input, output_stem, limits);
}

}  // namespace pb::image
