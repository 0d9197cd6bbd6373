// Sets a broken paragraph: each line's boxes placed left to right, word spaces stretched or
// shrunk by the line's ratio (or left natural for ragged text), hyphens added at hyphenated
// ends, and the result turned into glyph runs, link areas, decorations and destinations.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pdf/device.h"
#include "pdf/items.h"
#include "pdf/line_breaker.h"

namespace pb::pdf {

enum class Align { Justify, Left, Center, Right };

struct SetLine {
  std::vector<PageOp> ops;  // x from the line's left edge, y from the baseline (0)
  double width = 0;         // the width the content takes
  bool hyphenated = false;
};

struct LineSetup {
  double width = 300;
  Align align = Align::Justify;
  int element = -1;  // structure element of the text
  // Structure element for link number i of the paragraph (created on demand by the caller).
  std::function<int(int)> link_element;
  // Destination name for a link target, or "" when it leads nowhere in this book.
  std::function<std::string(const book::LinkTarget&)> destination_for;
  // Destination name for an anchor id.
  std::function<std::string(const std::string&)> anchor_name;
  double ascent = 8;  // of the line box above the baseline (link areas, highlights)
  double descent = 3;
};

std::vector<SetLine> set_lines(const Paragraph& paragraph, const LineBreaks& breaks, const LineSetup& setup);

}  // namespace pb::pdf
