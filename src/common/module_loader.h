// Loads one of postbinder's own plugin modules (postbinder_vips.so, postbinder_draw.so,
// postbinder_pdf.so) the first time it is needed. The libraries behind them (libvips and its
// codecs; libwebp, libjpeg-turbo, libpng and the cover's fonts; PoDoFo, libhyphen, libunibreak)
// cost every process milliseconds and megabytes to map, while most builds need none of them: a
// rebuild of an EPUB, whose conversions are in the cache, never loads them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/error.h"

namespace pb {

// Where a module may be: $<env_var>, beside the binary, in ../lib/postbinder (an installed
// tree), and where the build put it (build_path, may be empty).
std::vector<std::filesystem::path> module_candidates(const std::string& file_name, const char* env_var,
                                                     const std::string& build_path);

// dlopen()s the first candidate that loads and returns the address its entry symbol holds.
// Throws BuildError (origin: what) naming why no candidate would load.
void* load_module_entry(const std::string& file_name, const char* env_var, const std::string& build_path,
                        const char* entry_symbol, const std::string& what);

// What a bridge needs to find one module and check that it belongs to this build.
struct ModuleSpec {
  const char* file_name;     // "postbinder_draw.so"
  const char* env_var;       // "POSTBINDER_DRAW_MODULE": a path that overrides the search
  const char* build_path;    // where the build put it; may be ""
  const char* entry_symbol;  // the extern "C" function that returns the module's Api
  const char* what;          // names the failure: "image codecs"
  int version;               // the Api version this build was compiled against
};

// The module's Api table, loaded on the first call (C++ makes the first caller load it and the
// others wait). A failure throws BuildError and is retried, and reported, by the next call.
// Each Api type is loaded once per process.
template <typename Api>
const Api& module_api(const ModuleSpec& spec) {
  static const Api* const api = [&spec] {
    using Entry = const Api* (*)();
    const auto entry = reinterpret_cast<Entry>(
        load_module_entry(spec.file_name, spec.env_var, spec.build_path, spec.entry_symbol, spec.what));
    const Api* loaded = entry();
    if (loaded->version != spec.version)
      throw BuildError(spec.what,
                       std::string("cannot load ") + spec.file_name + ": it belongs to another postbinder version");
    return loaded;
  }();
  return *api;
}

}  // namespace pb
