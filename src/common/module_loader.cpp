#include "common/module_loader.h"

#include <dlfcn.h>

#include <cstdlib>

#include "common/error.h"

namespace pb {

namespace fs = std::filesystem;

namespace {

fs::path executable_folder() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : self.parent_path();
}

}  // namespace

std::vector<fs::path> module_candidates(const std::string& file_name, const char* env_var,
                                        const std::string& build_path) {
  std::vector<fs::path> candidates;
  if (const char* chosen = std::getenv(env_var); chosen && *chosen) candidates.emplace_back(chosen);
  const fs::path folder = executable_folder();
  if (!folder.empty()) {
    candidates.push_back(folder / file_name);
    candidates.push_back(folder / ".." / "lib" / "postbinder" / file_name);
  }
  if (!build_path.empty()) candidates.emplace_back(build_path);
  return candidates;
}

void* load_module_entry(const std::string& file_name, const char* env_var, const std::string& build_path,
                        const char* entry_symbol, const std::string& what) {
  std::string failure;
  for (const fs::path& candidate : module_candidates(file_name, env_var, build_path)) {
    std::error_code error;
    if (!fs::exists(candidate, error)) continue;
    void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      failure = dlerror();
      continue;
    }
    if (void* entry = dlsym(handle, entry_symbol)) return entry;
    failure = candidate.string() + " is not a postbinder module (no " + entry_symbol + ")";
  }
  if (failure.empty()) failure = file_name + " was not found beside the postbinder binary";
  throw BuildError(what, "cannot load " + file_name + ": " + failure);
}

}  // namespace pb
