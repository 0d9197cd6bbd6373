#include "image/text_layout.h"

#include <cstddef>

#include "common/utf8.h"
#include "image/bidi_runs.h"

namespace pb::image {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

class LineMaker {
 public:
  LineMaker(fonts::Shaper& shaper, std::string_view text, fonts::FontStyle style, double pixel_size)
      : shaper_(shaper), text_(text), style_(style), pixel_size_(pixel_size), bidi_(text) {}

  // The line's glyphs in visual order: each bidi run shaped in its own direction.
  TextLine line(std::size_t begin, std::size_t end) {
    TextLine made;
    for (const BidiRun& run : bidi_.visual_runs(begin, end)) {
      std::vector<fonts::ShapedGlyph> glyphs = run.right_to_left
                                                   ? shaper_.shape_right_to_left(text_, run.begin, run.end, style_)
                                                   : shaper_.shape(text_, run.begin, run.end, style_);
      made.glyphs.insert(made.glyphs.end(), glyphs.begin(), glyphs.end());
    }
    made.width = pixel_width(made.glyphs, pixel_size_);
    return made;
  }

  // The longest start of text[begin, end) that fits in max_width, ending between characters
  // (never before a combining mark); at least one character. The text is shaped again for every
  // candidate, since kerning and ligatures make a prefix's width differ from the sum of its parts;
  // covers have a few hundred characters at most.
  std::size_t fitting_prefix(std::size_t begin, std::size_t end, double max_width) {
    std::size_t best = 0;
    std::size_t pos = begin;
    utf8::decode(text_, pos);
    while (pos < end) {
      std::size_t next = pos;
      const char32_t c = utf8::decode(text_, next).value_or(utf8::kReplacement);
      if (!fonts::attaches_to_previous(c)) {
        if (best != 0 && line(begin, pos).width > max_width) break;
        best = pos;
      }
      pos = next;
    }
    return best != 0 ? best : end;
  }

 private:
  fonts::Shaper& shaper_;
  std::string_view text_;
  fonts::FontStyle style_;
  double pixel_size_;
  BidiParagraph bidi_;
};

}  // namespace

double pixel_width(const std::vector<fonts::ShapedGlyph>& glyphs, double pixel_size) {
  double width = 0;
  for (const fonts::ShapedGlyph& glyph : glyphs) width += glyph.advance * pixel_size / glyph.font->units_per_em();
  return width;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::vector<TextLine> layout_lines(fonts::Shaper& shaper, std::string_view text, fonts::FontStyle style,
                                   double pixel_size, double max_width) {
  LineMaker maker(shaper, text, style, pixel_size);
  std::vector<TextLine> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    // Add words while the line still fits; the line is shaped whole each time (see fitting_prefix).
    std::size_t end = text.find(' ', begin);
    if (end == std::string_view::npos) end = text.size();
    TextLine current = maker.line(begin, end);
    if (current.width > max_width) {
      // One word wider than the line: it is broken between characters.
      end = maker.fitting_prefix(begin, end, max_width);
      current = maker.line(begin, end);
    } else {
      while (end < text.size()) {
        std::size_t next_end = text.find(' ', end + 1);
        if (next_end == std::string_view::npos) next_end = text.size();
        TextLine longer = maker.line(begin, next_end);
        if (longer.width > max_width) break;
        current = std::move(longer);
        end = next_end;
      }
    }
    lines.push_back(std::move(current));
    begin = end < text.size() && text[end] == ' ' ? end + 1 : end;
  }
  return lines;
}

}  // namespace pb::image
