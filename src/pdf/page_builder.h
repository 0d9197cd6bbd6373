// Cuts the vertical list of a book's body into pages: lines, figures and table rows are boxes,
// spaces vanish at a page break, and penalties forbid breaks (widows, orphans, a heading
// without the two lines after it) or force them (a chapter on a new, possibly right-hand, page).
#pragma once

#include <vector>

#include "pdf/device.h"

namespace pb::pdf {

struct VItem {
  enum class Kind { Box, Space, Penalty };
  Kind kind = Kind::Box;
  double height = 0;
  std::vector<PageOp> ops;  // Box: positioned from its top-left corner (x from the text block's left edge)
  int penalty = 0;          // Penalty: cost of a break here; >= kInfinitePenalty never, <= -kInfinitePenalty always
  bool recto = false;       // forced break: the next page must be a right-hand page
  int chapter = -1;         // Box: the first box of this chapter
  double baseline = -1;     // Box holding a text line: its baseline from the top
};

VItem space_item(double height);
VItem penalty_item(int penalty);
VItem box_item(double height, std::vector<PageOp> ops);

struct BuiltPage {
  std::vector<PageOp> ops;  // positioned from the text block's top-left corner
  bool blank = false;       // left empty so that a chapter starts on a right-hand page
  int chapter = -1;         // the chapter the page belongs to
  bool opens_chapter = false;
  double used = 0;  // height of the content
};

// Page index 0 is a right-hand page. A box taller than the page gets a page of its own.
std::vector<BuiltPage> build_pages(const std::vector<VItem>& items, double page_height);

// Moves every operation by (dx, dy).
void translate(std::vector<PageOp>& ops, double dx, double dy);

}  // namespace pb::pdf
