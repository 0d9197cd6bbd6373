// A private temporary folder for the files of one build (converted images, decoded data:
// URIs), removed with everything in it when the build ends, however it ends.
#pragma once

#include <filesystem>

namespace pb {

class TempDir {
 public:
  TempDir();  // throws BuildError when no folder can be made
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace pb
