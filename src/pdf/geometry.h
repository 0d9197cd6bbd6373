// Units and shapes shared by the layout and the devices. Lengths are PDF points (1/72 inch);
// page coordinates start at the top-left corner of the page and grow right and down.
#pragma once

namespace pb::pdf {

constexpr double millimetres(double mm) {
  return mm * 72.0 / 25.4;
}
constexpr double inches(double in) {
  return in * 72.0;
}

struct Color {
  double r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

}  // namespace pb::pdf
