// Puts a PNG into a PDF without decoding it: PDF's Flate filter with the PNG predictors reads
// PNG image data as it is, so the compressed bytes are copied (as img2pdf does). Re-encoding
// every PNG through PoDoFo cost most of the time of a PDF with diagrams in it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pb::pdf {

struct PngForPdf {
  int width = 0;
  int height = 0;
  int colours = 0;         // 1 (gray) or 3 (RGB); palette images have 1 index per pixel
  std::string palette;     // RGB triples of a palette image, empty otherwise
  std::string image_data;  // the IDAT chunks joined: a zlib stream of PNG-filtered rows
};

// The PNG's data when it can be copied: 8 bits per sample, not interlaced, no transparency
// (alpha needs a separate soft mask, which means decoding). nullopt otherwise.
std::optional<PngForPdf> read_png_for_pdf(const std::filesystem::path& file);

}  // namespace pb::pdf
