// A paragraph as Knuth and Plass model it: boxes (glyphs), glue (stretchable word spaces) and
// penalties (places a line may end, at a cost), with the glyph pieces the boxes draw.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "book/model.h"
#include "pdf/fonts.h"
#include "pdf/geometry.h"

namespace pb::pdf {

constexpr int kInfinitePenalty = 10000;  // never break here (or, negated, always)
constexpr double kFil = 100000;          // stretch that absorbs any shortfall (the end of a paragraph)

struct PieceGlyph {
  std::uint32_t glyph = 0;
  double advance = 0;  // points
  double x_offset = 0, y_offset = 0;
  std::size_t cluster = 0;  // byte offset into the paragraph text
};

// Glyphs of one font and style, drawn side by side.
struct Piece {
  Font* font = nullptr;
  double size = 10;
  Color color;
  double rise = 0;  // baseline shift upwards, points
  bool underline = false, strike = false, highlight = false;
  int link = -1;  // index into Paragraph::links
  std::vector<PieceGlyph> glyphs;
  std::string text;
  double width = 0;
};

enum class ItemType { Box, Glue, Penalty };

struct Item {
  ItemType type = ItemType::Box;
  double width = 0, stretch = 0, shrink = 0;
  int penalty = 0;
  bool flagged = false;  // a hyphenated break
  int piece = -1;        // Box: its glyphs; Glue: the piece before it (style); Penalty: the hyphen drawn if broken here
  int anchor = -1;       // a Box of no width marking a link target: index into Paragraph::anchors
  const Font* space_font = nullptr;  // Glue: the word space glyph
  std::uint32_t space_glyph = 0;
};

struct Paragraph {
  std::vector<Item> items;
  std::vector<Piece> pieces;
  std::vector<book::LinkTarget> links;
  std::vector<std::string> anchors;
  std::string text;  // the paragraph's text as set (word spaces collapsed)
};

inline bool is_legal_break(const std::vector<Item>& items, std::size_t i) {
  const Item& item = items[i];
  if (item.type == ItemType::Penalty) return item.penalty < kInfinitePenalty;
  if (item.type == ItemType::Glue) return i > 0 && items[i - 1].type == ItemType::Box;
  return false;
}

}  // namespace pb::pdf
