#include "fonts/shaper.h"

#include <hb.h>

#include "common/utf8.h"

namespace pb::fonts {

namespace {

std::u32string decode_all(std::string_view text) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < text.size()) out += utf8::decode(text, pos).value_or(utf8::kReplacement);
  return out;
}

}  // namespace

bool attaches_to_previous(char32_t c) {
  if (c == 0x200C || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) return true;
  if (c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x00AD) return true;
  const hb_unicode_general_category_t category = hb_unicode_general_category(hb_unicode_funcs_get_default(), c);
  return category == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
         category == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || category == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK;
}

Shaper::Shaper(FontSet& fonts, std::string language)
    : fonts_(fonts), language_(std::move(language)), buffer_(hb_buffer_create()) {}

Shaper::~Shaper() {
  hb_buffer_destroy(buffer_);
}

std::vector<ShapedGlyph> Shaper::shape(std::string_view text, std::size_t begin, std::size_t end, FontStyle style,
                                       bool ligatures) {
  return shape_run(text, begin, end, style, ligatures, false);
}

std::vector<ShapedGlyph> Shaper::shape_right_to_left(std::string_view text, std::size_t begin, std::size_t end,
                                                     FontStyle style) {
  return shape_run(text, begin, end, style, true, true);
}

std::vector<ShapedGlyph> Shaper::shape_run(std::string_view text, std::size_t begin, std::size_t end, FontStyle style,
                                           bool ligatures, bool right_to_left) {
  right_to_left_ = right_to_left;
  // Each font's segment is shaped on its own; right to left, the segments read from the right,
  // so they are laid down in reverse order (HarfBuzz already reverses the glyphs inside each).
  std::vector<std::size_t> segment_starts;
  std::vector<ShapedGlyph> out;
  const auto shape_font_segment = [&](std::string_view all, std::size_t from, std::size_t to, Font* font, bool liga,
                                      std::vector<ShapedGlyph>& into) {
    segment_starts.push_back(into.size());
    this->shape_segment(all, from, to, font, liga, into);
  };
  std::size_t segment_begin = begin;
  Font* segment_font = nullptr;
  std::size_t pos = begin;
  while (pos < end) {
    const std::size_t start = pos;
    const char32_t c = utf8::decode(text, pos).value_or(utf8::kReplacement);
    Font* font = nullptr;
    if (attaches_to_previous(c) && start > begin) {
      font = segment_font;
    } else {
      font = fonts_.font_for(style, c);
    }
    if (!font) {
      if (start > segment_begin && segment_font)
        shape_font_segment(text, segment_begin, start, segment_font, ligatures, out);
      const FontSet::Replacement replacement = fonts_.replacement(style, c);
      ShapedGlyph glyph;
      glyph.font = replacement.font;
      glyph.glyph = replacement.glyph;
      glyph.advance = replacement.font->advance(replacement.glyph);
      glyph.cluster = start;
      segment_starts.push_back(out.size());
      replacement.font->remember_text(replacement.glyph, U"\uFFFD");
      out.push_back(glyph);
      segment_begin = pos;
      segment_font = nullptr;
      continue;
    }
    if (font != segment_font) {
      if (start > segment_begin && segment_font)
        shape_font_segment(text, segment_begin, start, segment_font, ligatures, out);
      segment_begin = start;
      segment_font = font;
    }
  }
  if (segment_font && end > segment_begin) shape_font_segment(text, segment_begin, end, segment_font, ligatures, out);
  if (!right_to_left || segment_starts.size() < 2) return out;
  std::vector<ShapedGlyph> reversed;
  reversed.reserve(out.size());
  segment_starts.push_back(out.size());
  for (std::size_t k = segment_starts.size() - 1; k > 0; --k)
    reversed.insert(reversed.end(), out.begin() + static_cast<std::ptrdiff_t>(segment_starts[k - 1]),
                    out.begin() + static_cast<std::ptrdiff_t>(segment_starts[k]));
  return reversed;
}

void Shaper::shape_segment(std::string_view text, std::size_t begin, std::size_t end, Font* font, bool ligatures,
                           std::vector<ShapedGlyph>& out) {
  hb_buffer_clear_contents(buffer_);
  hb_buffer_add_utf8(buffer_, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                     static_cast<int>(end - begin));
  hb_buffer_set_direction(buffer_, HB_DIRECTION_LTR);
  hb_buffer_set_language(buffer_, hb_language_from_string(language_.c_str(), -1));
  hb_buffer_guess_segment_properties(buffer_);
  hb_buffer_set_direction(buffer_, right_to_left_ ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_feature_t features[2];
  unsigned feature_count = 0;
  if (!ligatures) {
    hb_feature_from_string("-liga", -1, &features[feature_count++]);
    hb_feature_from_string("-clig", -1, &features[feature_count++]);
  }
  hb_shape(font->hb_font(), buffer_, features, feature_count);
  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer_, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer_, &count);
  for (unsigned i = 0; i < count; ++i) {
    ShapedGlyph glyph;
    glyph.font = font;
    glyph.glyph = infos[i].codepoint;
    glyph.advance = positions[i].x_advance;
    glyph.x_offset = positions[i].x_offset;
    glyph.y_offset = positions[i].y_offset;
    glyph.cluster = infos[i].cluster;
    const bool first_of_cluster = i == 0 || infos[i - 1].cluster != infos[i].cluster;
    if (first_of_cluster) {
      std::size_t next = end;
      for (unsigned k = i + 1; k < count; ++k)
        if (infos[k].cluster != infos[i].cluster) {
          next = infos[k].cluster;
          break;
        }
      if (next > glyph.cluster)
        font->remember_text(glyph.glyph, decode_all(text.substr(glyph.cluster, next - glyph.cluster)));
    }
    out.push_back(glyph);
  }
}

}  // namespace pb::fonts
