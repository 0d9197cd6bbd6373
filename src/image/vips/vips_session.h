// libvips, started on first use only: most books copy their JPEG and PNG images byte for byte
// and never pay for starting it.
#pragma once

#include <string>

namespace pb::image::vips {

// Starts libvips once (thread-safe). Throws BuildError when it cannot start.
void ensure_vips();

// The first line of libvips' error buffer, which is then cleared.
std::string take_vips_error();

}  // namespace pb::image::vips
