// QR codes (libqrencode) drawn as vector squares: a handout's link back to its article.
#pragma once

#include <string>
#include <vector>

#include "pdf/device.h"

namespace pb::pdf {

// The dark modules of a QR code for text, row by row (empty when the text cannot be encoded).
std::vector<std::vector<bool>> qr_modules(const std::string& text);

// Filled rectangles drawing the code in a square of side `size` at (x, y), quiet zone included.
std::vector<RectDraw> qr_rects(const std::vector<std::vector<bool>>& modules, double x, double y, double size);

}  // namespace pb::pdf
