// Reads what the embedder must know before deciding to copy or convert an image (pixel size,
// alpha, colour model) from the header of a JPEG, PNG or GIF, without decoding it and without
// starting libvips: most images in most books are copied byte for byte.
#pragma once

#include <optional>
#include <string_view>

#include "image/sniff.h"

namespace pb::image {

struct ImageHeader {
  Format format = Format::Unknown;
  int width = 0;
  int height = 0;
  bool has_alpha = false;        // PNG with an alpha channel or tRNS
  bool cmyk = false;             // JPEG with four components (Kindle shows them inverted or not at all)
  bool animated = false;         // GIF with more than one frame (only a hint: the first frames are read)
  int orientation = 1;           // JPEG EXIF orientation; readers that ignore it show 2..8 turned or mirrored
  std::size_t frame_offset = 0;  // JPEG: where the frame header is (an EXIF thumbnail ends before it)
};

// nullopt when the bytes are not a well-formed header of one of the three formats.
std::optional<ImageHeader> read_header(std::string_view bytes);

// The orientation tag (0x0112) of EXIF data as a TIFF header and IFD ("II*\0..." or "MM\0*..."),
// as WebP and JPEG carry it; 1 when it is absent or unreadable.
int tiff_orientation(std::string_view tiff);

}  // namespace pb::image
