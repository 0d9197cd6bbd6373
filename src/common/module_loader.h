// Loads one of postbinder's own plugin modules (postbinder_vips.so, postbinder_draw.so,
// postbinder_pdf.so) the first time it is needed. The libraries behind them (libvips and its
// codecs; libwebp, libjpeg-turbo, libpng and the cover's fonts; PoDoFo, libhyphen, libunibreak)
// cost every process milliseconds and megabytes to map, while most builds need none of them: a
// rebuild of an EPUB, whose conversions are in the cache, never loads them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace pb {

// Where a module may be: $<env_var>, beside the binary, in ../lib/postbinder (an installed
// tree), and where the build put it (build_path, may be empty).
std::vector<std::filesystem::path> module_candidates(const std::string& file_name, const char* env_var,
                                                     const std::string& build_path);

// dlopen()s the first candidate that loads and returns the address its entry symbol holds.
// Throws BuildError (origin: what) naming why no candidate would load.
void* load_module_entry(const std::string& file_name, const char* env_var, const std::string& build_path,
                        const char* entry_symbol, const std::string& what);

}  // namespace pb
