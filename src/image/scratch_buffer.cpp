#include "image/scratch_buffer.h"

#include <array>
#include <memory>

namespace pb::image {

namespace {

struct Buffer {
  std::unique_ptr<std::uint8_t[]> data;
  std::size_t size = 0;
};

}  // namespace

std::uint8_t* scratch_buffer(Scratch purpose, std::size_t bytes) {
  thread_local std::array<Buffer, 4> buffers;
  Buffer& buffer = buffers[static_cast<std::size_t>(purpose)];
  if (buffer.size < bytes) {
    buffer.data.reset();  // the old one goes first: never both at once
    buffer.data.reset(new std::uint8_t[bytes]);
    buffer.size = bytes;
  }
  return buffer.data.get();
}

}  // namespace pb::image
