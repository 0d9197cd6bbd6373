#include "pdf/qr_code.h"

#include <qrencode.h>

namespace pb::pdf {

std::vector<std::vector<bool>> qr_modules(const std::string& text) {
  std::vector<std::vector<bool>> modules;
  if (text.empty()) return modules;
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return modules;
  const int width = code->width;
  modules.assign(static_cast<std::size_t>(width), std::vector<bool>(static_cast<std::size_t>(width), false));
  for (int row = 0; row < width; ++row)
    for (int column = 0; column < width; ++column)
      modules[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)] =
          (code->data[row * width + column] & 1) != 0;
  QRcode_free(code);
  return modules;
}

std::vector<RectDraw> qr_rects(const std::vector<std::vector<bool>>& modules, double x, double y, double size) {
  std::vector<RectDraw> rects;
  if (modules.empty()) return rects;
  constexpr int kQuietZone = 4;
  const int count = static_cast<int>(modules.size());
  const double module = size / (count + 2 * kQuietZone);
  for (int row = 0; row < count; ++row) {
    const auto& line = modules[static_cast<std::size_t>(row)];
    int column = 0;
    while (column < count) {
      if (!line[static_cast<std::size_t>(column)]) {
        ++column;
        continue;
      }
      int end = column;
      while (end < count && line[static_cast<std::size_t>(end)]) ++end;
      // A hair of overlap keeps renderers from showing seams between touching squares.
      rects.push_back({{x + (kQuietZone + column) * module, y + (kQuietZone + row) * module,
                        (end - column) * module + 0.02, module + 0.02},
                       {0, 0, 0},
                       0});
      column = end;
    }
  }
  return rects;
}

}  // namespace pb::pdf
