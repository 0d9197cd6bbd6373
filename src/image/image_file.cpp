#include "image/image_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace pb::image {

ImageFile::ImageFile(const std::filesystem::path& path, Scratch purpose)
    : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)), purpose_(purpose) {
  struct stat status {};
  if (fd_ >= 0 && ::fstat(fd_, &status) == 0 && status.st_size > 0) size_ = static_cast<std::uint64_t>(status.st_size);
}

ImageFile::~ImageFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::string_view ImageFile::read(std::uint64_t offset, std::size_t bytes) const {
  if (fd_ < 0 || bytes == 0) return {};
  auto* buffer = reinterpret_cast<char*>(scratch_buffer(purpose_, bytes));
  std::size_t got = 0;
  while (got < bytes) {
    const ssize_t n = ::pread(fd_, buffer + got, bytes - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  return {buffer, got};
}

std::string_view ImageFile::tail(std::size_t bytes) const {
  const std::uint64_t start = size_ > bytes ? size_ - bytes : 0;
  return read(start, static_cast<std::size_t>(size_ - start));
}

}  // namespace pb::image
