// Memory reused from one image to the next on the same thread. A fresh buffer of a few megabytes
// costs a page fault for every 4 KB the first time it is written, which on a virtual machine
// costs more than decoding into it (measured: a quarter of a WebP conversion); a buffer that
// stays with its thread is faulted in once. Contents are not initialised.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pb::image {

enum class Scratch { Head, FileBytes, Pixels, Encoded };

// At least bytes of this thread's buffer for purpose; valid until the next call with the same
// purpose on this thread. Buffers only grow, and go when their thread ends.
std::uint8_t* scratch_buffer(Scratch purpose, std::size_t bytes);

}  // namespace pb::image
