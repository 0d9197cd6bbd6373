#include "pdf/line_setter.h"

#include <cmath>

namespace pb::pdf {

namespace {

struct Part {
  bool space = false;
  const Piece* piece = nullptr;  // glyphs, or the style of a space
  double x = 0;
  double width = 0;
  const Font* space_font = nullptr;
  std::uint32_t space_glyph = 0;
};

bool same_run(const Piece& a, const Piece& b) {
  return a.font == b.font && a.size == b.size && a.color == b.color && a.rise == b.rise && a.link == b.link;
}

void add_decorations(const Part& part, std::vector<PageOp>& background, std::vector<PageOp>& foreground) {
  const Piece& p = *part.piece;
  const double size = p.size;
  if (p.highlight)
    background.push_back({RectDraw{{part.x, -size * 0.85 - p.rise, part.width, size * 1.1}, {1.0, 0.93, 0.5}, 0}, -1});
  if (p.underline)
    foreground.push_back({RectDraw{{part.x, size * 0.12 - p.rise, part.width, size * 0.05}, p.color, 0}, -1});
  if (p.strike)
    foreground.push_back({RectDraw{{part.x, -size * 0.3 - p.rise, part.width, size * 0.05}, p.color, 0}, -1});
}

}  // namespace

std::vector<SetLine> set_lines(const Paragraph& paragraph, const LineBreaks& breaks, const LineSetup& setup) {
  std::vector<SetLine> lines;
  const std::vector<Item>& items = paragraph.items;
  std::size_t start = 0;
  for (std::size_t line_index = 0; line_index < breaks.breaks.size(); ++line_index) {
    const std::size_t end = breaks.breaks[line_index];
    double ratio = line_index < breaks.ratios.size() ? breaks.ratios[line_index] : 0;
    if (!std::isfinite(ratio) || setup.align != Align::Justify) ratio = ratio < 0 && std::isfinite(ratio) ? ratio : 0;
    if (ratio > 4) ratio = 0;  // hopelessly loose: leave the spaces natural rather than gaping
    if (ratio < -1) ratio = -1;
    // Skip what vanishes at the start of a line.
    if (line_index > 0)
      while (start < end && items[start].type != ItemType::Box) ++start;
    SetLine line;
    std::vector<Part> parts;
    std::vector<std::pair<std::string, double>> anchors;
    double x = 0;
    for (std::size_t i = start; i <= end && i < items.size(); ++i) {
      const Item& item = items[i];
      if (item.type == ItemType::Box) {
        if (item.anchor >= 0) anchors.emplace_back(paragraph.anchors[static_cast<std::size_t>(item.anchor)], x);
        if (item.piece >= 0) {
          Part part;
          part.piece = &paragraph.pieces[static_cast<std::size_t>(item.piece)];
          part.x = x;
          part.width = item.width;
          parts.push_back(part);
        }
        x += item.width;
      } else if (item.type == ItemType::Glue) {
        if (i == end) break;
        double width = item.width;
        if (item.stretch < kFil) width += ratio >= 0 ? ratio * item.stretch : ratio * item.shrink;
        if (item.piece >= 0 && item.space_font) {
          Part part;
          part.space = true;
          part.piece = &paragraph.pieces[static_cast<std::size_t>(item.piece)];
          part.x = x;
          part.width = width;
          part.space_font = item.space_font;
          part.space_glyph = item.space_glyph;
          parts.push_back(part);
        }
        x += width;
      } else if (i == end && item.piece >= 0) {
        Part part;
        part.piece = &paragraph.pieces[static_cast<std::size_t>(item.piece)];
        part.x = x;
        part.width = item.width;
        parts.push_back(part);
        x += item.width;
        line.hyphenated = true;
      }
    }
    // Trailing spaces (before a forced break) take no room.
    while (!parts.empty() && parts.back().space) {
      x = parts.back().x;
      parts.pop_back();
    }
    line.width = x;
    double shift = 0;
    if (setup.align == Align::Center) shift = (setup.width - x) / 2;
    if (setup.align == Align::Right) shift = setup.width - x;
    if (shift < 0) shift = 0;

    std::vector<PageOp> background, text, foreground;
    GlyphRun run;
    int run_element = -1;
    const Piece* run_piece = nullptr;
    const auto flush = [&] {
      if (run_piece && !run.glyphs.empty()) text.push_back({run, run_element});
      run = GlyphRun{};
      run_piece = nullptr;
    };
    const auto element_of = [&](const Piece& piece) {
      if (piece.link >= 0 && setup.link_element) return setup.link_element(piece.link);
      return setup.element;
    };
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const Part& part = parts[k];
      if (part.space) {
        if (run_piece && run.font == part.space_font) {
          run.glyphs.push_back({part.space_glyph, shift + part.x - run.x, 0});
          run.text += ' ';
          run.width = shift + part.x + part.width - run.x;
        }
        continue;
      }
      const Piece& piece = *part.piece;
      if (!run_piece || !same_run(*run_piece, piece)) {
        flush();
        run.font = piece.font;
        run.size = piece.size;
        run.color = piece.color;
        run.x = shift + part.x;
        run.y = -piece.rise;
        run_piece = &piece;
        run_element = element_of(piece);
      }
      double pen = shift + part.x - run.x;
      for (const PieceGlyph& glyph : piece.glyphs) {
        run.glyphs.push_back({glyph.glyph, pen + glyph.x_offset, glyph.y_offset});
        pen += glyph.advance;
      }
      run.text += piece.text;
      run.width = pen;
      Part shifted = part;
      shifted.x += shift;
      add_decorations(shifted, background, foreground);
    }
    flush();
    // The hyphen added at a break is its own run, so tests and extraction can tell it apart.
    if (line.hyphenated && !text.empty()) {
      GlyphRun& last = std::get<GlyphRun>(text.back().op);
      if (last.text == "-" && last.glyphs.size() == 1) {
        last.hyphen = true;
      } else if (last.text.ends_with("-") && last.glyphs.size() > 1) {
        GlyphRun hyphen = last;
        hyphen.glyphs.assign(1, last.glyphs.back());
        hyphen.x = last.x + last.glyphs.back().x;
        hyphen.glyphs[0].x = 0;
        hyphen.text = "-";
        hyphen.hyphen = true;
        hyphen.width = last.width - last.glyphs.back().x;
        last.glyphs.pop_back();
        last.text.pop_back();
        last.width = hyphen.x - last.x;
        text.push_back({hyphen, text.back().element});
      }
    }
    // A line that ends at a word space keeps the space glyph (outside the measure, invisible),
    // so that text extracted through the structure tree does not run words together.
    const Item& last = items[std::min(end, items.size() - 1)];
    if (last.type == ItemType::Glue && last.space_font && line_index + 1 < breaks.breaks.size()) {
      for (auto it = text.rbegin(); it != text.rend(); ++it) {
        auto* last_run = std::get_if<GlyphRun>(&it->op);
        if (!last_run) continue;
        if (last_run->font == last.space_font && !last_run->hyphen) {
          last_run->glyphs.push_back({last.space_glyph, shift + line.width - last_run->x, 0});
          last_run->text += ' ';
        }
        break;
      }
    }
    // Link areas: consecutive parts of the same link, with the spaces between them.
    for (std::size_t k = 0; k < parts.size();) {
      const Piece& piece = *parts[k].piece;
      if (parts[k].space || piece.link < 0) {
        ++k;
        continue;
      }
      const int link = piece.link;
      const double left = parts[k].x;
      double right = parts[k].x + parts[k].width;
      std::size_t m = k + 1;
      while (m < parts.size() && parts[m].piece->link == link) {
        if (!parts[m].space) right = parts[m].x + parts[m].width;
        ++m;
      }
      const book::LinkTarget& target = paragraph.links[static_cast<std::size_t>(link)];
      LinkArea area;
      area.rect = {shift + left, -setup.ascent, right - left, setup.ascent + setup.descent};
      if (target.is_internal()) {
        if (setup.destination_for) area.destination = setup.destination_for(target);
      } else {
        area.uri = target.url;
      }
      if (!area.uri.empty() || !area.destination.empty())
        foreground.push_back({area, setup.link_element ? setup.link_element(link) : setup.element});
      k = m;
    }
    for (const auto& [id, at] : anchors)
      line.ops.push_back({Destination{setup.anchor_name ? setup.anchor_name(id) : id, shift + at, -setup.ascent}, -1});
    for (PageOp& op : background) line.ops.push_back(std::move(op));
    for (PageOp& op : text) line.ops.push_back(std::move(op));
    for (PageOp& op : foreground) line.ops.push_back(std::move(op));
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace pb::pdf
