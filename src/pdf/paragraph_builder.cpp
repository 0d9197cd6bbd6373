#include "pdf/paragraph_builder.h"

#include <hb.h>

#include <algorithm>
#include <set>

#include "common/utf8.h"
#include "pdf/break_opportunities.h"

namespace pb::pdf {

namespace {

constexpr char32_t kLineSeparator = 0x2028;
constexpr char32_t kSoftHyphen = 0x00AD;

struct SpanStyle {
  FontStyle font;
  double scale = 1;
  double rise_em = 0;
  bool underline = false, strike = false, highlight = false;
  int link = -1;
  bool operator==(const SpanStyle&) const = default;
};

struct Span {
  std::size_t begin = 0, end = 0;
  SpanStyle style;
};

// The paragraph's text with its styles, links and anchors, whitespace collapsed.
struct Flat {
  std::string text;
  std::vector<Span> spans;
  std::vector<std::pair<std::size_t, std::string>> anchors;
  std::vector<book::LinkTarget> links;

  char32_t last_char() const {
    if (text.empty()) return 0;
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t pos = start;
    return utf8::decode(text, pos).value_or(0);
  }

  void append(std::string_view piece, const SpanStyle& style) {
    if (piece.empty()) return;
    const std::size_t begin = text.size();
    text += piece;
    if (!spans.empty() && spans.back().style == style && spans.back().end == begin)
      spans.back().end = text.size();
    else
      spans.push_back({begin, text.size(), style});
  }

  void drop_trailing_space() {
    while (!text.empty() && text.back() == ' ') {
      text.pop_back();
      if (!spans.empty()) {
        spans.back().end = std::min(spans.back().end, text.size());
        if (spans.back().end <= spans.back().begin) spans.pop_back();
      }
    }
  }

  void add_text(std::string_view input, const SpanStyle& style) {
    std::string out;
    char32_t previous = last_char();
    std::size_t pos = 0;
    while (pos < input.size()) {
      const std::size_t start = pos;
      const char32_t c = utf8::decode(input, pos).value_or(utf8::kReplacement);
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (space) {
        if (previous == 0 || previous == ' ' || previous == kLineSeparator) continue;
        out += ' ';
        previous = ' ';
        continue;
      }
      out.append(input.substr(start, pos - start));
      previous = c;
    }
    append(out, style);
  }

  void walk(const book::Inlines& inlines, SpanStyle style) {
    for (const book::Inline& item : inlines) {
      if (const auto* text_node = std::get_if<book::Text>(&item.node)) {
        add_text(text_node->text, style);
      } else if (std::holds_alternative<book::LineBreak>(item.node)) {
        drop_trailing_space();
        if (!text.empty() && last_char() != kLineSeparator) {
          std::string separator;
          utf8::append(separator, kLineSeparator);
          append(separator, style);
        }
      } else if (const auto* styled = std::get_if<book::Styled>(&item.node)) {
        SpanStyle inner = style;
        switch (styled->style) {
          case book::Style::Emphasis:
            inner.font.italic = !inner.font.italic;
            break;
          case book::Style::Strong:
            inner.font.bold = true;
            break;
          case book::Style::Code:
            inner.font.family = Family::Mono;
            inner.scale *= 0.88;
            break;
          case book::Style::Subscript:
            inner.scale *= 0.7;
            inner.rise_em -= 0.15;
            break;
          case book::Style::Superscript:
            inner.scale *= 0.7;
            inner.rise_em += 0.35;
            break;
          case book::Style::Small:
            inner.scale *= 0.85;
            break;
          case book::Style::Deleted:
            inner.strike = true;
            break;
          case book::Style::Inserted:
          case book::Style::Underline:
            inner.underline = true;
            break;
          case book::Style::Highlight:
            inner.highlight = true;
            break;
        }
        walk(styled->children, inner);
      } else if (const auto* link = std::get_if<book::Link>(&item.node)) {
        SpanStyle inner = style;
        inner.link = static_cast<int>(links.size());
        links.push_back(link->target);
        walk(link->children, inner);
      } else if (const auto* anchor = std::get_if<book::Anchor>(&item.node)) {
        anchors.emplace_back(text.size(), anchor->id);
      }
    }
  }

  void finish() {
    drop_trailing_space();
    while (last_char() == kLineSeparator) {
      text.resize(text.size() - 3);
      if (!spans.empty()) {
        spans.back().end = std::min(spans.back().end, text.size());
        if (spans.back().end <= spans.back().begin) spans.pop_back();
      }
      drop_trailing_space();
    }
    for (auto& anchor : anchors) anchor.first = std::min(anchor.first, text.size());
  }
};

bool is_letter(char32_t c) {
  const hb_unicode_general_category_t category = hb_unicode_general_category(hb_unicode_funcs_get_default(), c);
  switch (category) {
    case HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_MODIFIER_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
      return true;
    default:
      return false;
  }
}

bool is_upper(char32_t c) {
  return hb_unicode_general_category(hb_unicode_funcs_get_default(), c) == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER;
}

// Hyphenation points (byte offsets where the second part starts) of the words in [begin, end).
void add_hyphenation_points(const Hyphenator& hyphenator, std::string_view text, std::size_t begin, std::size_t end,
                            std::set<std::size_t>& points) {
  std::size_t pos = begin;
  while (pos < end) {
    std::size_t word_begin = pos;
    std::size_t scan = pos;
    char32_t c = utf8::decode(text, scan).value_or(0);
    if (!is_letter(c)) {
      pos = scan;
      continue;
    }
    std::size_t word_end = scan;
    std::size_t letters = 1;
    bool inner_upper = false;
    while (word_end < end) {
      std::size_t next = word_end;
      c = utf8::decode(text, next).value_or(0);
      if (!is_letter(c)) break;
      if (is_upper(c)) inner_upper = true;
      ++letters;
      word_end = next;
    }
    // A word glued to digits, a hyphen or an apostrophe on either side is left whole when short.
    if (letters >= 5 && !inner_upper) {
      for (std::size_t point : hyphenator.points(text.substr(word_begin, word_end - word_begin)))
        points.insert(word_begin + point);
    }
    pos = word_end;
  }
}

class ItemWriter {
 public:
  ItemWriter(Paragraph& paragraph, Shaper& shaper, const TextStyle& style, const std::vector<BreakKind>& breaks,
             const std::set<std::size_t>& hyphen_points)
      : p_(paragraph), shaper_(shaper), style_(style), breaks_(breaks), hyphen_points_(hyphen_points) {}

  void indent(double width) {
    if (width <= 0) return;
    Item item;
    item.width = width;
    p_.items.push_back(item);
  }

  void anchor(const std::string& id) {
    close_box();
    Item item;
    item.anchor = static_cast<int>(p_.anchors.size());
    p_.anchors.push_back(id);
    p_.items.push_back(item);
  }

  void span(const Span& span, const std::vector<std::pair<std::size_t, std::string>>& anchors,
            std::size_t& next_anchor) {
    span_ = &span;
    hyphen_piece_ = -1;
    const std::string& text = p_.text;
    const FontStyle font_style = span.style.font;
    const bool ligatures = font_style.family != Family::Mono;
    const std::vector<ShapedGlyph> glyphs = shaper_.shape(text, span.begin, span.end, font_style, ligatures);
    const double size = style_.size * span.style.scale;
    std::size_t i = 0;
    while (i < glyphs.size()) {
      const std::size_t cluster = glyphs[i].cluster;
      std::size_t j = i;
      while (j < glyphs.size() && glyphs[j].cluster == cluster) ++j;
      const std::size_t cluster_end = j < glyphs.size() ? std::max(glyphs[j].cluster, cluster + 1) : span.end;
      while (next_anchor < anchors.size() && anchors[next_anchor].first <= cluster)
        anchor(anchors[next_anchor++].second);
      std::size_t pos = cluster;
      const char32_t c = utf8::decode(text, pos).value_or(0);
      if (c == ' ') {
        close_box();
        word_space(glyphs[i], size, cluster);
      } else if (c == kLineSeparator) {
        close_box();
        forced_break();
      } else if (c == kSoftHyphen) {
        close_box();
        hyphen_break(kHyphenPenalty);
      } else {
        for (std::size_t k = i; k < j; ++k) add_glyph(glyphs[k], size);
        append_text(text.substr(cluster, cluster_end - cluster));
        after_cluster(c, cluster_end);
      }
      i = j;
    }
    close_box();
  }

  void finish(const std::vector<std::pair<std::size_t, std::string>>& anchors, std::size_t& next_anchor) {
    while (next_anchor < anchors.size()) anchor(anchors[next_anchor++].second);
    close_box();
    while (!p_.items.empty() && p_.items.back().type == ItemType::Glue) p_.items.pop_back();
    Item no_break;
    no_break.type = ItemType::Penalty;
    no_break.penalty = kInfinitePenalty;
    p_.items.push_back(no_break);
    Item fill;
    fill.type = ItemType::Glue;
    fill.stretch = kFil;
    p_.items.push_back(fill);
    Item end;
    end.type = ItemType::Penalty;
    end.penalty = -kInfinitePenalty;
    p_.items.push_back(end);
  }

 private:
  Piece new_piece(double size) const {
    Piece piece;
    const SpanStyle& s = span_->style;
    piece.size = size;
    piece.color = s.link >= 0 ? style_.link_color : style_.color;
    piece.rise = s.rise_em * style_.size;
    piece.underline = s.underline;
    piece.strike = s.strike;
    piece.highlight = s.highlight;
    piece.link = s.link;
    return piece;
  }

  void add_glyph(const ShapedGlyph& shaped, double size) {
    const double scale = size / shaped.font->units_per_em();
    if (box_piece_ >= 0 && p_.pieces[box_piece_].font != shaped.font) close_box();
    if (box_piece_ < 0) {
      p_.pieces.push_back(new_piece(size));
      p_.pieces.back().font = shaped.font;
      box_piece_ = static_cast<int>(p_.pieces.size()) - 1;
    }
    Piece& piece = p_.pieces[box_piece_];
    piece.glyphs.push_back(
        {shaped.glyph, shaped.advance * scale, shaped.x_offset * scale, shaped.y_offset * scale, shaped.cluster});
    piece.width += shaped.advance * scale;
  }

  void append_text(std::string_view text) {
    if (box_piece_ >= 0) p_.pieces[box_piece_].text += text;
  }

  void close_box() {
    if (box_piece_ < 0) return;
    Item item;
    item.piece = box_piece_;
    item.width = p_.pieces[box_piece_].width;
    p_.items.push_back(item);
    last_box_piece_ = box_piece_;
    box_piece_ = -1;
  }

  void word_space(const ShapedGlyph& space, double size, std::size_t byte) {
    if (breaks_[byte] != BreakKind::Allow) {
      Item keep;
      keep.type = ItemType::Penalty;
      keep.penalty = kInfinitePenalty;
      p_.items.push_back(keep);
    }
    Item glue;
    glue.type = ItemType::Glue;
    glue.width = space.advance * size / space.font->units_per_em();
    if (style_.justify) {
      glue.stretch = glue.width / 2;
      glue.shrink = glue.width / 3;
    }
    glue.piece = last_box_piece_;
    glue.space_font = space.font;
    glue.space_glyph = space.glyph;
    p_.items.push_back(glue);
  }

  void forced_break() {
    Item fill;
    fill.type = ItemType::Glue;
    fill.stretch = kFil;
    p_.items.push_back(fill);
    Item force;
    force.type = ItemType::Penalty;
    force.penalty = -kInfinitePenalty;
    p_.items.push_back(force);
  }

  int hyphen_piece() {
    if (hyphen_piece_ >= 0) return hyphen_piece_;
    const double size = style_.size * span_->style.scale;
    Piece piece = new_piece(size);
    const std::vector<ShapedGlyph> glyphs = shaper_.shape("-", 0, 1, span_->style.font, false);
    for (const ShapedGlyph& g : glyphs) {
      piece.font = g.font;
      const double scale = size / g.font->units_per_em();
      piece.glyphs.push_back({g.glyph, g.advance * scale, 0, 0, 0});
      piece.width += g.advance * scale;
    }
    piece.text = "-";
    p_.pieces.push_back(std::move(piece));
    hyphen_piece_ = static_cast<int>(p_.pieces.size()) - 1;
    return hyphen_piece_;
  }

  void hyphen_break(int penalty) {
    Item item;
    item.type = ItemType::Penalty;
    item.penalty = penalty;
    item.flagged = true;
    item.piece = hyphen_piece();
    item.width = p_.pieces[item.piece].width;
    p_.items.push_back(item);
  }

  void after_cluster(char32_t c, std::size_t cluster_end) {
    const std::string& text = p_.text;
    if (cluster_end >= text.size()) return;
    std::size_t pos = cluster_end;
    const char32_t next = utf8::decode(text, pos).value_or(0);
    if (next == ' ' || next == kLineSeparator || next == kSoftHyphen) return;
    if (hyphen_points_.contains(cluster_end)) {
      close_box();
      hyphen_break(kHyphenPenalty);
      return;
    }
    if (breaks_[cluster_end - 1] == BreakKind::Allow) {
      close_box();
      Item item;
      item.type = ItemType::Penalty;
      const bool hyphen = c == '-' || c == 0x2010;
      item.penalty = hyphen ? kHyphenPenalty : 0;
      item.flagged = hyphen;
      p_.items.push_back(item);
    }
  }

  Paragraph& p_;
  Shaper& shaper_;
  const TextStyle& style_;
  const std::vector<BreakKind>& breaks_;
  const std::set<std::size_t>& hyphen_points_;
  const Span* span_ = nullptr;
  int box_piece_ = -1;
  int last_box_piece_ = -1;
  int hyphen_piece_ = -1;
};

// Words wider than a line get a costly break between every pair of characters.
void cut_overwide_words(Paragraph& p, double measure) {
  std::vector<Item>& items = p.items;
  std::size_t run_begin = 0;
  double run_width = 0;
  std::vector<std::pair<std::size_t, std::size_t>> wide_runs;
  for (std::size_t i = 0; i <= items.size(); ++i) {
    if (i == items.size() || is_legal_break(items, i)) {
      if (run_width > measure) wide_runs.emplace_back(run_begin, i);
      run_begin = i + 1;
      run_width = 0;
      continue;
    }
    if (items[i].type != ItemType::Penalty) run_width += items[i].width;
  }
  if (wide_runs.empty()) return;
  std::vector<Item> out;
  std::size_t next_run = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    while (next_run < wide_runs.size() && wide_runs[next_run].second <= i) ++next_run;
    const bool inside = next_run < wide_runs.size() && i >= wide_runs[next_run].first && i < wide_runs[next_run].second;
    const Item& item = items[i];
    if (!inside || item.type != ItemType::Box || item.piece < 0 || p.pieces[item.piece].glyphs.size() < 2) {
      out.push_back(item);
      continue;
    }
    // Split the piece into one piece per cluster.
    const Piece whole = p.pieces[item.piece];
    std::size_t g = 0;
    bool first = true;
    while (g < whole.glyphs.size()) {
      std::size_t h = g;
      while (h < whole.glyphs.size() && whole.glyphs[h].cluster == whole.glyphs[g].cluster) ++h;
      Piece part = whole;
      part.glyphs.assign(whole.glyphs.begin() + static_cast<std::ptrdiff_t>(g),
                         whole.glyphs.begin() + static_cast<std::ptrdiff_t>(h));
      part.width = 0;
      for (const PieceGlyph& glyph : part.glyphs) part.width += glyph.advance;
      const std::size_t text_begin = whole.glyphs[g].cluster;
      const std::size_t text_end = h < whole.glyphs.size() ? whole.glyphs[h].cluster : std::string::npos;
      part.text = p.text.substr(text_begin, text_end == std::string::npos ? std::string::npos : text_end - text_begin);
      if (!first) {
        Item cut;
        cut.type = ItemType::Penalty;
        cut.penalty = kEmergencyPenalty;
        out.push_back(cut);
      }
      first = false;
      int index = item.piece;
      if (g > 0) {
        p.pieces.push_back(part);
        index = static_cast<int>(p.pieces.size()) - 1;
      }
      Item box = item;
      box.piece = index;
      box.width = part.width;
      out.push_back(box);
      if (g == 0) p.pieces[item.piece] = part;
      g = h;
    }
  }
  items = std::move(out);
}

}  // namespace

ParagraphBuilder::ParagraphBuilder(Shaper& shaper, const Hyphenator* hyphenator, std::string language)
    : shaper_(shaper), hyphenator_(hyphenator), language_(std::move(language)) {}

Paragraph ParagraphBuilder::build(const book::Inlines& content, const TextStyle& style, double measure) {
  Flat flat;
  SpanStyle base;
  base.font = style.font;
  flat.walk(content, base);
  flat.finish();

  Paragraph paragraph;
  paragraph.text = flat.text;
  paragraph.links = flat.links;
  const std::vector<BreakKind> breaks = line_break_opportunities(flat.text, language_);
  std::set<std::size_t> hyphen_points;
  if (hyphenator_ && style.hyphenate)
    for (const Span& span : flat.spans)
      if (span.style.font.family != Family::Mono && span.style.link < 0)
        add_hyphenation_points(*hyphenator_, flat.text, span.begin, span.end, hyphen_points);

  ItemWriter writer(paragraph, shaper_, style, breaks, hyphen_points);
  writer.indent(style.indent);
  std::size_t next_anchor = 0;
  for (const Span& span : flat.spans) writer.span(span, flat.anchors, next_anchor);
  writer.finish(flat.anchors, next_anchor);
  cut_overwide_words(paragraph, measure);
  return paragraph;
}

Paragraph ParagraphBuilder::build_text(std::string_view text, const TextStyle& style, double measure) {
  book::Inlines content;
  content.push_back(book::Inline{book::Text{std::string(text)}});
  return build(content, style, measure);
}

ParagraphWidths measure_widths(const Paragraph& paragraph) {
  ParagraphWidths widths;
  double run = 0, line = 0;
  const std::vector<Item>& items = paragraph.items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (is_legal_break(items, i)) {
      widths.minimum = std::max(widths.minimum, run);
      run = 0;
      if (item.type == ItemType::Penalty && item.penalty <= -kInfinitePenalty) {
        widths.natural = std::max(widths.natural, line);
        line = 0;
        continue;
      }
    }
    if (item.type == ItemType::Box) run += item.width;
    if (item.type != ItemType::Penalty && item.stretch < kFil) line += item.width;
  }
  widths.minimum = std::max(widths.minimum, run);
  widths.natural = std::max(widths.natural, line);
  return widths;
}

}  // namespace pb::pdf
