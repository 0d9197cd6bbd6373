#include "common/temp_dir.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "common/error.h"

namespace pb {

TempDir::TempDir() {
  std::error_code error;
  std::filesystem::path base = std::filesystem::temp_directory_path(error);
  if (error) base = "/tmp";
  std::string pattern = (base / "postbinder-XXXXXX").string();
  if (!mkdtemp(pattern.data()))
    throw BuildError(base.string(), std::string("cannot make a temporary folder: ") + std::strerror(errno));
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace pb
