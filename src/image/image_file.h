// A file read a piece at a time (its head, its tail, all of it) with pread into this thread's
// scratch buffer for one purpose: images are looked at and decoded one after another on the
// same threads, and a reused buffer costs no zero-filling and no fresh pages per image.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "image/scratch_buffer.h"

namespace pb::image {

class ImageFile {
 public:
  ImageFile(const std::filesystem::path& path, Scratch purpose);
  ~ImageFile();
  ImageFile(const ImageFile&) = delete;
  ImageFile& operator=(const ImageFile&) = delete;

  bool is_open() const { return fd_ >= 0; }
  std::uint64_t size() const { return size_; }

  // Up to bytes from offset (fewer at the end of the file, none when it is not open); valid
  // until the next read for the same purpose on this thread.
  std::string_view read(std::uint64_t offset, std::size_t bytes) const;
  std::string_view head(std::size_t bytes) const { return read(0, bytes); }
  std::string_view tail(std::size_t bytes) const;
  std::string_view all() const { return read(0, static_cast<std::size_t>(size_)); }

 private:
  int fd_;
  Scratch purpose_;
  std::uint64_t size_ = 0;
};

}  // namespace pb::image
