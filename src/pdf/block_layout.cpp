#include "pdf/block_layout.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "common/iso_time.h"
#include "pdf/qr_code.h"

namespace pb::pdf {

namespace {

bool drawable_image(const book::Resource* resource) {
  if (!resource) return false;
  if (resource->media_type != "image/jpeg" && resource->media_type != "image/png") return false;
  std::error_code error;
  return std::filesystem::is_regular_file(resource->path, error) && resource->width > 0 && resource->height > 0;
}

std::string marker_text(const book::List& list, std::size_t index, int depth) {
  if (!list.ordered) {
    static const char* const bullets[] = {"\u2022", "\u2013", "\u25E6"};
    return bullets[depth % 3];
  }
  const int number = list.start + static_cast<int>(index);
  switch (list.marker) {
    case book::ListMarker::LowerAlpha:
    case book::ListMarker::UpperAlpha: {
      std::string letters;
      int n = std::max(number, 1);
      while (n > 0) {
        --n;
        letters.insert(letters.begin(),
                       static_cast<char>((list.marker == book::ListMarker::UpperAlpha ? 'A' : 'a') + n % 26));
        n /= 26;
      }
      return letters + ".";
    }
    case book::ListMarker::LowerRoman:
      return roman_numeral(number, false) + ".";
    case book::ListMarker::UpperRoman:
      return roman_numeral(number, true) + ".";
    default:
      return std::to_string(number) + ".";
  }
}

void add_space(std::vector<VItem>& out, double height) {
  if (out.empty()) return;
  out.push_back(space_item(height));
}

}  // namespace

std::string roman_numeral(int number, bool upper) {
  if (number <= 0 || number >= 4000) return std::to_string(number);
  static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                      {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                      {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : table)
    while (number >= value) {
      out += letters;
      number -= value;
    }
  if (upper)
    for (char& ch : out) ch = static_cast<char>(ch - 'a' + 'A');
  return out;
}

std::string destination_name(std::size_t chapter, const std::string& anchor) {
  std::string name = "c" + std::to_string(chapter);
  if (!anchor.empty()) name += "#" + anchor;
  return name;
}

double stack_items(const std::vector<VItem>& items, std::vector<PageOp>& ops) {
  double y = 0;
  for (const VItem& item : items) {
    if (item.kind == VItem::Kind::Penalty) continue;
    if (item.kind == VItem::Kind::Space) {
      y += item.height;
      continue;
    }
    std::vector<PageOp> moved = item.ops;
    translate(moved, 0, y);
    for (PageOp& op : moved) ops.push_back(std::move(op));
    y += item.height;
  }
  return y;
}

BlockLayout::BlockLayout(LayoutContext& context) : c_(context) {}

TextStyle BlockLayout::body_style(const Flow& flow) const {
  TextStyle style;
  style.font = {c_.settings.body_family, flow.bold, false};
  style.size = c_.settings.font_size * flow.scale;
  style.color = c_.settings.text_color;
  style.link_color = c_.settings.link_color;
  style.justify = c_.settings.justify && flow.justify;
  style.hyphenate = c_.settings.hyphenate;
  return style;
}

TextStyle BlockLayout::heading_style(int level) const {
  TextStyle style;
  style.font = {c_.settings.heading_family, true, false};
  static const double scale[] = {1.9, 1.9, 1.4, 1.18, 1.05, 1.0, 1.0};
  style.size = c_.settings.font_size * scale[std::clamp(level, 1, 6)];
  style.color = c_.settings.text_color;
  style.link_color = c_.settings.link_color;
  style.justify = false;
  style.hyphenate = false;
  return style;
}

double BlockLayout::leading_for(const TextStyle& style) const {
  if (std::abs(style.size - c_.settings.font_size) < 0.01) return c_.settings.leading;
  return style.size * (c_.settings.leading / c_.settings.font_size) * (style.size > c_.settings.font_size ? 0.92 : 1);
}

double BlockLayout::baseline_in(const TextStyle& style, double leading) const {
  Font& font = c_.fonts.primary(style.font);
  const double ascent = font.ascender() / font.units_per_em() * style.size;
  const double descent = -font.descender() / font.units_per_em() * style.size;
  return (leading - ascent - descent) / 2 + ascent;
}

LineSetup BlockLayout::setup_for(const TextStyle& style, Align align, double width, int element) {
  LineSetup setup;
  setup.width = width;
  setup.align = align;
  setup.element = element;
  auto links = std::make_shared<std::map<int, int>>();
  StructureTree* structure = &c_.structure;
  setup.link_element = [links, structure, element](int link) {
    const auto it = links->find(link);
    if (it != links->end()) return it->second;
    const int id = structure->add("Link", element);
    (*links)[link] = id;
    return id;
  };
  const std::size_t chapters = c_.book.chapters.size();
  setup.destination_for = [chapters](const book::LinkTarget& target) -> std::string {
    if (!target.is_internal() || target.chapter >= chapters) return {};
    return destination_name(target.chapter, target.anchor);
  };
  const std::size_t chapter = chapter_;
  setup.anchor_name = [chapter](const std::string& id) { return destination_name(chapter, id); };
  Font& font = c_.fonts.primary(style.font);
  setup.ascent = font.ascender() / font.units_per_em() * style.size;
  setup.descent = -font.descender() / font.units_per_em() * style.size;
  return setup;
}

void BlockLayout::lines(const Paragraph& paragraph, const TextStyle& style, Align align, const Frame& frame,
                        int element, double leading, bool keep_together, std::vector<VItem>& out) {
  BreakParameters parameters;
  parameters.line_width = frame.width;
  if (!style.justify) parameters.ragged_stretch = style.size * 3;
  const LineBreaks breaks = break_lines(paragraph.items, parameters);
  const std::vector<SetLine> set = set_lines(paragraph, breaks, setup_for(style, align, frame.width, element));
  const double baseline = baseline_in(style, leading);
  const std::size_t n = set.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0) {
      const bool orphan = k == 1, widow = k + 1 == n;
      out.push_back(penalty_item(keep_together || orphan || widow ? kInfinitePenalty : 0));
    }
    VItem box = box_item(leading, set[k].ops);
    translate(box.ops, frame.left, baseline);
    box.baseline = baseline;
    out.push_back(std::move(box));
  }
}

double BlockLayout::stacked(const Paragraph& paragraph, const TextStyle& style, Align align, const Frame& frame,
                            int element, std::vector<PageOp>& ops) {
  std::vector<VItem> items;
  lines(paragraph, style, align, frame, element, leading_for(style), true, items);
  return stack_items(items, ops);
}

void BlockLayout::blocks(const book::Blocks& blocks, const Frame& frame, int parent, const Flow& flow,
                         std::vector<VItem>& out) {
  Spacing previous;
  bool have_previous = false;
  bool after_paragraph = false;
  for (const book::Block& block : blocks) {
    std::vector<VItem> items;
    const Spacing spacing = this->block(block, frame, parent, flow, after_paragraph, items);
    if (items.empty()) continue;
    if (have_previous) {
      if (previous.keep_with_next) out.push_back(penalty_item(kInfinitePenalty));
      add_space(out, std::max(previous.after, spacing.before));
    }
    for (VItem& item : items) out.push_back(std::move(item));
    previous = spacing;
    have_previous = true;
    after_paragraph = std::holds_alternative<book::Paragraph>(block.node);
  }
}

BlockLayout::Spacing BlockLayout::block(const book::Block& block, const Frame& frame, int parent, const Flow& flow,
                                        bool after_paragraph, std::vector<VItem>& out) {
  return std::visit(
      [&](const auto& node) -> Spacing {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, book::Paragraph>) {
          return paragraph(node, frame, parent, flow, after_paragraph && flow.indent, out);
        } else if constexpr (std::is_same_v<T, book::Heading>) {
          return heading(node, frame, parent, out);
        } else if constexpr (std::is_same_v<T, book::List>) {
          return list(node, frame, parent, flow, out);
        } else if constexpr (std::is_same_v<T, book::BlockQuote>) {
          return quote(node, frame, parent, flow, out);
        } else if constexpr (std::is_same_v<T, book::Figure>) {
          return figure(node, frame, parent, flow, out);
        } else if constexpr (std::is_same_v<T, book::Table>) {
          return table(node, frame, parent, flow, out);
        } else if constexpr (std::is_same_v<T, book::CodeBlock>) {
          return code(node, frame, parent, flow, out);
        } else {
          return rule(frame, out);
        }
      },
      block.node);
}

BlockLayout::Spacing BlockLayout::paragraph(const book::Paragraph& p, const Frame& frame, int parent, const Flow& flow,
                                            bool indent, std::vector<VItem>& out) {
  TextStyle style = body_style(flow);
  const bool indents = c_.settings.paragraph_indent;
  if (indents && indent) style.indent = style.size * 1.5;
  const Paragraph built = c_.builder.build(p.content, style, frame.width);
  if (built.text.empty() && built.anchors.empty()) {
    if (!p.id.empty() && !out.empty())
      out.back().ops.push_back({Destination{destination_name(chapter_, p.id), 0, 0}, -1});
    return {};
  }
  const int element = c_.structure.add("P", parent);
  const std::size_t first = out.size();
  lines(built, style, style.justify ? Align::Justify : Align::Left, frame, element, leading_for(style), false, out);
  if (!p.id.empty() && first < out.size())
    out[first].ops.insert(out[first].ops.begin(), {Destination{destination_name(chapter_, p.id), frame.left, 0}, -1});
  const double gap = indents ? 0 : leading_for(style) * 0.5;
  return {gap, gap, false};
}

BlockLayout::Spacing BlockLayout::heading(const book::Heading& h, const Frame& frame, int parent,
                                          std::vector<VItem>& out) {
  const int level = std::clamp(h.level, 2, 6);
  const TextStyle style = heading_style(level);
  const Paragraph built = c_.builder.build(h.content, style, frame.width);
  if (built.text.empty()) return {};
  const int element = c_.structure.add("H" + std::to_string(level), parent);
  const std::size_t first = out.size();
  const double leading = leading_for(style);
  lines(built, style, Align::Left, frame, element, leading, true, out);
  if (!h.id.empty() && first < out.size())
    out[first].ops.insert(out[first].ops.begin(), {Destination{destination_name(chapter_, h.id), frame.left, 0}, -1});
  const double body = c_.settings.leading;
  return {level == 2 ? body * 1.4 : body * 1.0, body * 0.45, true};
}

BlockLayout::Spacing BlockLayout::list(const book::List& list, const Frame& frame, int parent, const Flow& flow,
                                       std::vector<VItem>& out) {
  if (list.items.empty()) return {};
  const int element = c_.structure.add("L", parent);
  TextStyle marker_style = body_style(flow);
  marker_style.justify = false;
  marker_style.hyphenate = false;
  // The hanging indent fits the widest marker.
  double widest = 0;
  std::vector<Paragraph> markers;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    markers.push_back(c_.builder.build_text(marker_text(list, i, flow.list_depth), marker_style, frame.width));
    widest = std::max(widest, measure_widths(markers.back()).natural);
  }
  const double gap = marker_style.size * 0.6;
  const double indent = std::min(std::max(widest + gap, marker_style.size * 1.6), frame.width / 3);
  const Frame inner{frame.left + indent, frame.width - indent};
  Flow item_flow = flow;
  item_flow.indent = false;
  item_flow.list_depth = flow.list_depth + 1;
  const double item_gap = c_.settings.paragraph_indent ? c_.settings.leading * 0.15 : c_.settings.leading * 0.3;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const book::ListItem& item = list.items[i];
    const int li = c_.structure.add("LI", element);
    const int label = c_.structure.add("Lbl", li);
    const int body = c_.structure.add("LBody", li);
    std::vector<VItem> content;
    blocks(item.blocks, inner, body, item_flow, content);
    const TextStyle text = body_style(flow);
    const double leading = leading_for(text);
    if (std::none_of(content.begin(), content.end(), [](const VItem& v) { return v.kind == VItem::Kind::Box; }))
      content.insert(content.begin(), box_item(leading, {}));
    VItem* first = nullptr;
    for (VItem& v : content)
      if (v.kind == VItem::Kind::Box) {
        first = &v;
        break;
      }
    const double baseline = first->baseline >= 0 ? first->baseline : baseline_in(text, leading);
    std::vector<PageOp> marker_ops;
    {
      const LineBreaks single = break_lines(markers[i].items, BreakParameters{.line_width = 1e6});
      const std::vector<SetLine> set =
          set_lines(markers[i], single, setup_for(marker_style, Align::Right, indent - gap, label));
      if (!set.empty()) marker_ops = set.front().ops;
      translate(marker_ops, frame.left, baseline);
    }
    first->ops.insert(first->ops.begin(), marker_ops.begin(), marker_ops.end());
    if (!item.id.empty())
      first->ops.insert(first->ops.begin(), {Destination{destination_name(chapter_, item.id), frame.left, 0}, -1});
    if (i > 0) add_space(out, item_gap);
    for (VItem& v : content) out.push_back(std::move(v));
  }
  const double space = c_.settings.leading * 0.5;
  return {space, space, false};
}

BlockLayout::Spacing BlockLayout::quote(const book::BlockQuote& quote, const Frame& frame, int parent, const Flow& flow,
                                        std::vector<VItem>& out) {
  const int element = c_.structure.add("BlockQuote", parent);
  const double inset = std::min(c_.settings.font_size * 1.6, frame.width / 8);
  const Frame inner{frame.left + inset, frame.width - 2 * inset};
  Flow inner_flow = flow;
  inner_flow.scale = flow.scale * 0.95;
  blocks(quote.blocks, inner, element, inner_flow, out);
  if (!quote.citation.empty()) {
    TextStyle style = body_style(inner_flow);
    style.font.italic = true;
    style.justify = false;
    book::Inlines citation;
    citation.push_back(book::Inline{book::Text{"\u2014\u00A0"}});
    citation.insert(citation.end(), quote.citation.begin(), quote.citation.end());
    const Paragraph built = c_.builder.build(citation, style, inner.width);
    if (!built.text.empty()) {
      add_space(out, c_.settings.leading * 0.25);
      lines(built, style, Align::Right, inner, c_.structure.add("P", element), leading_for(style), false, out);
    }
  }
  const double space = c_.settings.leading * 0.6;
  return {space, space, false};
}

std::vector<PageOp> BlockLayout::image_ops(const book::ImageRef& image, const Frame& frame, double max_height,
                                           int element, double& height) {
  std::vector<PageOp> ops;
  const book::Resource* resource = image.resource.empty() ? nullptr : c_.book.find_resource(image.resource);
  if (drawable_image(resource)) {
    // The size the post asked for (CSS pixels), else the file's, never wider than the column.
    const double pixels = image.width > 0 ? std::min(image.width, resource->width * 2) : resource->width;
    double width = std::min(frame.width, pixels * 0.75);
    double h = width * resource->height / resource->width;
    if (h > max_height) {
      h = max_height;
      width = h * resource->width / resource->height;
    }
    ops.push_back({ImageDraw{resource, {frame.left + (frame.width - width) / 2, 0, width, h}}, element});
    height = h;
    return ops;
  }
  if (resource && !warned_images_[resource->id]) {
    warned_images_[resource->id] = true;
    c_.diagnostics.warn(resource->path.string(), "the PDF cannot show " + resource->media_type +
                                                     " images; a placeholder with the alt text is drawn instead");
  }
  // A placeholder: a framed box with the alternative text and why the image is missing.
  TextStyle style = body_style(Flow{.scale = 0.9});
  style.justify = false;
  style.font.italic = true;
  style.color = {0.35, 0.35, 0.35};
  const double pad = style.size * 0.8;
  const Frame inner{frame.left + pad, frame.width - 2 * pad};
  std::string text = "[Image" + (image.alt.empty() ? std::string("]") : ": " + image.alt + "]");
  std::string why = image.failure;
  if (why.empty() && resource) why = resource->media_type + " is not supported in PDF";
  if (!why.empty()) text += " (" + why + ")";
  std::vector<PageOp> text_ops;
  const double text_height =
      stacked(c_.builder.build_text(text, style, inner.width), style, Align::Center, inner, element, text_ops);
  translate(text_ops, 0, pad);
  height = text_height + 2 * pad;
  ops.push_back({RectDraw{{frame.left, 0, frame.width, height}, {0.6, 0.6, 0.6}, 0.6}, -1});
  for (PageOp& op : text_ops) ops.push_back(std::move(op));
  return ops;
}

BlockLayout::Spacing BlockLayout::figure(const book::Figure& figure, const Frame& frame, int parent, const Flow& flow,
                                         std::vector<VItem>& out) {
  std::string alt = figure.image.alt;
  if (alt.empty()) alt = book::plain_text(figure.caption);
  if (alt.empty()) alt = "Image";
  const int element = c_.structure.add("Figure", parent, alt);
  std::vector<PageOp> caption_ops;
  double caption_height = 0;
  if (!figure.caption.empty()) {
    TextStyle style = body_style(Flow{.scale = flow.scale * 0.9});
    style.font.italic = true;
    style.justify = false;
    const Paragraph built = c_.builder.build(figure.caption, style, frame.width);
    if (!built.text.empty())
      caption_height = stacked(built, style, Align::Center, frame, c_.structure.add("Caption", element), caption_ops);
  }
  const double gap = caption_height > 0 ? c_.settings.leading * 0.4 : 0;
  const double max_height = std::max(c_.settings.text_height() * 0.85 - caption_height - gap, c_.settings.leading * 3);
  double image_height = 0;
  std::vector<PageOp> ops = image_ops(figure.image, frame, max_height, element, image_height);
  if (!figure.id.empty())
    ops.insert(ops.begin(), {Destination{destination_name(chapter_, figure.id), frame.left, 0}, -1});
  translate(caption_ops, 0, image_height + gap);
  for (PageOp& op : caption_ops) ops.push_back(std::move(op));
  out.push_back(box_item(image_height + gap + caption_height, std::move(ops)));
  const double space = c_.settings.leading * 0.8;
  return {space, space, false};
}

BlockLayout::Spacing BlockLayout::table(const book::Table& table, const Frame& frame, int parent, const Flow& flow,
                                        std::vector<VItem>& out) {
  std::size_t columns = 0;
  for (const book::TableRow& row : table.rows) {
    std::size_t count = 0;
    for (const book::TableCell& cell : row.cells) count += static_cast<std::size_t>(std::max(cell.column_span, 1));
    columns = std::max(columns, count);
  }
  if (columns == 0) return {};
  const int element = c_.structure.add("Table", parent);
  Flow cell_flow = flow;
  cell_flow.scale = flow.scale * 0.9;
  cell_flow.indent = false;
  cell_flow.justify = false;
  const TextStyle cell_style = body_style(cell_flow);
  const double pad = cell_style.size * 0.4;

  // Column widths from the narrowest and the natural width of each cell's text.
  std::vector<double> minimum(columns, pad * 2 + cell_style.size), natural(columns, pad * 2 + cell_style.size);
  for (const book::TableRow& row : table.rows) {
    std::size_t column = 0;
    for (const book::TableCell& cell : row.cells) {
      const std::size_t span = static_cast<std::size_t>(std::max(cell.column_span, 1));
      ParagraphWidths widths;
      TextStyle style = cell_style;
      style.font.bold = cell.header;
      for (const book::Block& block : cell.blocks) {
        const book::Inlines* content = nullptr;
        if (const auto* p = std::get_if<book::Paragraph>(&block.node)) content = &p->content;
        if (const auto* h = std::get_if<book::Heading>(&block.node)) content = &h->content;
        if (!content) {
          widths.minimum = std::max(widths.minimum, cell_style.size * 4);
          widths.natural = std::max(widths.natural, frame.width / 2);
          continue;
        }
        const ParagraphWidths w = measure_widths(c_.builder.build(*content, style, frame.width));
        widths.minimum = std::max(widths.minimum, w.minimum);
        widths.natural = std::max(widths.natural, w.natural);
      }
      if (column + span > columns) break;
      if (span == 1) {
        minimum[column] = std::max(minimum[column], widths.minimum + 2 * pad + 1);
        natural[column] = std::max(natural[column], widths.natural + 2 * pad + 1);
      }
      column += span;
    }
  }
  double sum_min = 0, sum_natural = 0;
  for (std::size_t i = 0; i < columns; ++i) {
    natural[i] = std::max(natural[i], minimum[i]);
    sum_min += minimum[i];
    sum_natural += natural[i];
  }
  std::vector<double> widths(columns);
  for (std::size_t i = 0; i < columns; ++i) {
    if (sum_natural <= frame.width)
      widths[i] = natural[i];
    else if (sum_min <= frame.width)
      widths[i] = minimum[i] + (natural[i] - minimum[i]) * (frame.width - sum_min) / (sum_natural - sum_min);
    else
      widths[i] = frame.width * minimum[i] / sum_min;
  }
  double table_width = 0;
  for (double w : widths) table_width += w;

  const Color line_color{0.45, 0.45, 0.45};
  if (!table.caption.empty()) {
    TextStyle style = body_style(Flow{.scale = flow.scale * 0.9});
    style.font.italic = true;
    style.justify = false;
    const Paragraph built = c_.builder.build(table.caption, style, frame.width);
    if (!built.text.empty()) {
      lines(built, style, Align::Center, frame, c_.structure.add("Caption", element), leading_for(style), true, out);
      out.push_back(penalty_item(kInfinitePenalty));
      out.push_back(space_item(c_.settings.leading * 0.3));
    }
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const book::TableRow& row = table.rows[r];
    const int tr = c_.structure.add("TR", element);
    std::vector<std::vector<PageOp>> cells;
    std::vector<std::pair<double, double>> extents;  // x and width of each cell
    double row_height = 0;
    std::size_t column = 0;
    for (const book::TableCell& cell : row.cells) {
      const std::size_t span = std::min(static_cast<std::size_t>(std::max(cell.column_span, 1)), columns - column);
      if (span == 0) break;
      double x = frame.left;
      for (std::size_t i = 0; i < column; ++i) x += widths[i];
      double w = 0;
      for (std::size_t i = column; i < column + span; ++i) w += widths[i];
      const bool header = cell.header || r < table.header_rows;
      Flow f = cell_flow;
      f.bold = header;
      std::vector<VItem> content;
      blocks(cell.blocks, Frame{x + pad, std::max(w - 2 * pad, cell_style.size)},
             c_.structure.add(header ? "TH" : "TD", tr), f, content);
      std::vector<PageOp> ops;
      const double h = stack_items(content, ops);
      translate(ops, 0, pad);
      row_height = std::max(row_height, h + 2 * pad);
      cells.push_back(std::move(ops));
      extents.emplace_back(x, w);
      column += span;
    }
    if (row_height <= 0) row_height = leading_for(cell_style) + 2 * pad;
    std::vector<PageOp> ops;
    for (auto& cell : cells)
      for (PageOp& op : cell) ops.push_back(std::move(op));
    const bool header_row =
        r < table.header_rows || (!row.cells.empty() && std::all_of(row.cells.begin(), row.cells.end(),
                                                                    [](const book::TableCell& c) { return c.header; }));
    if (header_row)
      ops.insert(ops.begin(), {RectDraw{{frame.left, 0, table_width, row_height}, {0.93, 0.93, 0.93}, 0}, -1});
    if (r == 0) ops.push_back({RectDraw{{frame.left, 0, table_width, 0.6}, line_color, 0}, -1});
    ops.push_back(
        {RectDraw{
             {frame.left, row_height - (header_row ? 0.8 : 0.4), table_width, header_row ? 0.8 : 0.4}, line_color, 0},
         -1});
    for (const auto& [x, w] : extents) {
      ops.push_back({RectDraw{{x, 0, 0.4, row_height}, line_color, 0}, -1});
      (void)w;
    }
    ops.push_back({RectDraw{{frame.left + table_width - 0.4, 0, 0.4, row_height}, line_color, 0}, -1});
    if (r > 0) out.push_back(penalty_item(r <= table.header_rows ? kInfinitePenalty : 0));
    out.push_back(box_item(row_height, std::move(ops)));
  }
  const double space = c_.settings.leading * 0.8;
  return {space, space, false};
}

BlockLayout::Spacing BlockLayout::code(const book::CodeBlock& code, const Frame& frame, int parent, const Flow& flow,
                                       std::vector<VItem>& out) {
  const int element = c_.structure.add("Code", parent);
  TextStyle style;
  style.font = {Family::Mono, false, false};
  style.size = c_.settings.font_size * flow.scale * 0.85;
  style.color = c_.settings.text_color;
  style.justify = false;
  style.hyphenate = false;
  const double leading = style.size * 1.3;
  const double pad = style.size * 0.6;
  const Frame inner{frame.left + pad, frame.width - 2 * pad};
  const double baseline = baseline_in(style, leading);
  std::string text = code.text;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  std::vector<std::string> source_lines;
  {
    std::string current;
    std::size_t column = 0;
    for (char ch : text) {
      if (ch == '\r') continue;
      if (ch == '\n') {
        source_lines.push_back(current);
        current.clear();
        column = 0;
      } else if (ch == '\t') {
        do {
          current += ' ';
          ++column;
        } while (column % 4 != 0);
      } else {
        current += ch;
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++column;
      }
    }
    source_lines.push_back(current);
  }
  const Color background{0.95, 0.95, 0.95};
  std::vector<VItem> boxes;
  Shaper& shaper = c_.builder.shaper();
  for (const std::string& source : source_lines) {
    // Every character is a box, so indentation survives; a line may wrap after a space, or
    // (at a cost) anywhere.
    Paragraph p;
    p.text = source;
    const std::vector<ShapedGlyph> glyphs = shaper.shape(source, 0, source.size(), style.font, false);
    for (std::size_t i = 0; i < glyphs.size();) {
      std::size_t j = i;
      while (j < glyphs.size() && glyphs[j].cluster == glyphs[i].cluster) ++j;
      const std::size_t end = j < glyphs.size() ? glyphs[j].cluster : source.size();
      Piece piece;
      piece.font = glyphs[i].font;
      piece.size = style.size;
      piece.color = style.color;
      for (std::size_t k = i; k < j; ++k) {
        const double scale = style.size / glyphs[k].font->units_per_em();
        piece.glyphs.push_back({glyphs[k].glyph, glyphs[k].advance * scale, glyphs[k].x_offset * scale,
                                glyphs[k].y_offset * scale, glyphs[k].cluster});
        piece.width += glyphs[k].advance * scale;
      }
      piece.text = source.substr(glyphs[i].cluster, end - glyphs[i].cluster);
      if (!p.items.empty()) {
        Item breakable;
        breakable.type = ItemType::Penalty;
        breakable.penalty = p.pieces.back().text == " " ? 0 : 800;
        p.items.push_back(breakable);
      }
      p.pieces.push_back(std::move(piece));
      Item box;
      box.piece = static_cast<int>(p.pieces.size()) - 1;
      box.width = p.pieces.back().width;
      p.items.push_back(box);
      i = j;
    }
    Item no_break;
    no_break.type = ItemType::Penalty;
    no_break.penalty = kInfinitePenalty;
    Item fill;
    fill.type = ItemType::Glue;
    fill.stretch = kFil;
    Item end;
    end.type = ItemType::Penalty;
    end.penalty = -kInfinitePenalty;
    p.items.push_back(no_break);
    p.items.push_back(fill);
    p.items.push_back(end);
    const double hang = std::min(style.size * 2, inner.width / 4);
    BreakParameters parameters;
    parameters.first_line_width = inner.width;
    parameters.line_width = inner.width - hang;
    parameters.ragged_stretch = style.size * 20;
    const LineBreaks breaks = break_lines(p.items, parameters);
    const std::vector<SetLine> set = set_lines(p, breaks, setup_for(style, Align::Left, inner.width, element));
    for (std::size_t k = 0; k < set.size(); ++k) {
      VItem box = box_item(leading, set[k].ops);
      translate(box.ops, inner.left + (k > 0 ? hang : 0), baseline);
      box.ops.insert(box.ops.begin(), {RectDraw{{frame.left, 0, frame.width, leading}, background, 0}, -1});
      box.baseline = baseline;
      boxes.push_back(std::move(box));
    }
  }
  // Padding above and below as part of the first and last line boxes.
  boxes.front().height += pad;
  translate(boxes.front().ops, 0, pad);
  boxes.front().ops.insert(boxes.front().ops.begin(), {RectDraw{{frame.left, 0, frame.width, pad}, background, 0}, -1});
  boxes.front().baseline += pad;
  boxes.back().ops.push_back({RectDraw{{frame.left, boxes.back().height, frame.width, pad}, background, 0}, -1});
  boxes.back().height += pad;
  const std::size_t n = boxes.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0) out.push_back(penalty_item(k == 1 || k + 1 == n ? kInfinitePenalty : 0));
    out.push_back(std::move(boxes[k]));
  }
  const double space = c_.settings.leading * 0.6;
  return {space, space, false};
}

BlockLayout::Spacing BlockLayout::rule(const Frame& frame, std::vector<VItem>& out) {
  const double leading = c_.settings.leading;
  const double width = frame.width * 0.3;
  out.push_back(box_item(
      leading,
      {{RectDraw{{frame.left + (frame.width - width) / 2, leading / 2 - 0.25, width, 0.5}, {0.3, 0.3, 0.3}, 0}, -1}}));
  return {leading * 0.3, leading * 0.3, false};
}

void BlockLayout::chapter(std::size_t index, std::vector<VItem>& out) {
  chapter_ = index;
  const book::Chapter& chapter = c_.book.chapters[index];
  VItem page_break = penalty_item(-kInfinitePenalty);
  page_break.recto = c_.settings.recto_chapters;
  out.push_back(page_break);
  chapter_section_ = c_.structure.add("Sect", c_.structure.root());
  const std::size_t opening = out.size();
  if (c_.settings.handout_header)
    handout_opening(chapter, index, out);
  else
    chapter_opening(chapter, index, out);
  // The first box carries the chapter mark and its destination.
  for (std::size_t i = opening; i < out.size(); ++i)
    if (out[i].kind == VItem::Kind::Box) {
      out[i].chapter = static_cast<int>(index);
      out[i].ops.insert(out[i].ops.begin(), {Destination{destination_name(index, ""), 0, 0}, -1});
      break;
    }
  out.push_back(penalty_item(kInfinitePenalty));
  out.push_back(space_item(c_.settings.leading * 1.2));
  blocks(chapter.blocks, Frame{0, c_.settings.text_width()}, chapter_section_, Flow{}, out);
}

namespace {

std::string byline(const book::Chapter& chapter) {
  std::string line = chapter.author;
  const std::string date = chapter.date.empty() ? std::string() : iso_time::human_date(chapter.date);
  if (!date.empty()) line += (line.empty() ? "" : " \u00B7 ") + date;
  return line;
}

}  // namespace

void BlockLayout::chapter_opening(const book::Chapter& chapter, std::size_t index, std::vector<VItem>& out) {
  (void)index;
  const double width = c_.settings.text_width();
  const double sink = c_.settings.recto_chapters ? c_.settings.text_height() * 0.12 : 0;
  out.push_back(box_item(sink, {}));
  out.push_back(penalty_item(kInfinitePenalty));
  const TextStyle title = heading_style(1);
  const int h1 = c_.structure.add("H1", chapter_section_);
  const std::string text = chapter.title.empty() ? "Untitled" : chapter.title;
  lines(c_.builder.build_text(text, title, width), title, Align::Left, Frame{0, width}, h1, leading_for(title), true,
        out);
  const std::string by = byline(chapter);
  if (!by.empty()) {
    TextStyle style = body_style(Flow{.scale = 0.92});
    style.font.italic = true;
    style.justify = false;
    style.hyphenate = false;
    style.color = {0.3, 0.3, 0.3};
    out.push_back(penalty_item(kInfinitePenalty));
    out.push_back(space_item(c_.settings.leading * 0.3));
    lines(c_.builder.build_text(by, style, width), style, Align::Left, Frame{0, width},
          c_.structure.add("P", chapter_section_), leading_for(style), true, out);
  }
}

void BlockLayout::handout_opening(const book::Chapter& chapter, std::size_t index, std::vector<VItem>& out) {
  (void)index;
  const double width = c_.settings.text_width();
  const bool with_code = !chapter.source_url.empty();
  const double qr = with_code ? std::min(millimetres(30), width * 0.28) : 0;
  const double gap = with_code ? c_.settings.font_size : 0;
  const Frame column{0, width - qr - gap};
  std::vector<PageOp> ops;
  const TextStyle title = heading_style(1);
  const int h1 = c_.structure.add("H1", chapter_section_);
  double y = stacked(c_.builder.build_text(chapter.title.empty() ? "Untitled" : chapter.title, title, column.width),
                     title, Align::Left, column, h1, ops);
  TextStyle meta = body_style(Flow{.scale = 0.9});
  meta.justify = false;
  meta.hyphenate = false;
  meta.color = {0.25, 0.25, 0.25};
  const auto add_line = [&](const book::Inlines& content) {
    std::vector<PageOp> line_ops;
    const double h = stacked(c_.builder.build(content, meta, column.width), meta, Align::Left, column,
                             c_.structure.add("P", chapter_section_), line_ops);
    translate(line_ops, 0, y);
    for (PageOp& op : line_ops) ops.push_back(std::move(op));
    y += h;
  };
  y += c_.settings.leading * 0.3;
  const std::string by = byline(chapter);
  if (!by.empty()) add_line({book::Inline{book::Text{by}}});
  if (with_code) {
    book::Link link;
    link.target.url = chapter.source_url;
    link.children.push_back(book::Inline{book::Text{chapter.source_url}});
    add_line({book::Inline{book::Text{"Original article: "}}, book::Inline{std::move(link)}});
    const int figure = c_.structure.add("Figure", chapter_section_, "QR code linking to " + chapter.source_url);
    for (const RectDraw& rect : qr_rects(qr_modules(chapter.source_url), width - qr, 0, qr))
      ops.push_back({rect, figure});
  }
  const double height = std::max(y, qr);
  const double rule_gap = c_.settings.leading * 0.4;
  ops.push_back({RectDraw{{0, height + rule_gap, width, 0.7}, {0.3, 0.3, 0.3}, 0}, -1});
  out.push_back(box_item(height + rule_gap * 2, std::move(ops)));
}

}  // namespace pb::pdf
