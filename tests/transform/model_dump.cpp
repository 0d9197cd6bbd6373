#include "transform/model_dump.h"

#include <type_traits>
#include <variant>

namespace pb::test {

namespace {

using namespace pb::book;

const char* style_name(Style style) {
  switch (style) {
    case Style::Emphasis:
      return "Em";
    case Style::Strong:
      return "Strong";
    case Style::Code:
      return "Code";
    case Style::Subscript:
      return "Sub";
    case Style::Superscript:
      return "Sup";
    case Style::Small:
      return "Small";
    case Style::Deleted:
      return "Del";
    case Style::Inserted:
      return "Ins";
    case Style::Underline:
      return "U";
    case Style::Highlight:
      return "Mark";
  }
  return "?";
}

const char* marker_name(ListMarker marker) {
  switch (marker) {
    case ListMarker::Bullet:
      return "bullet";
    case ListMarker::Decimal:
      return "1";
    case ListMarker::LowerAlpha:
      return "a";
    case ListMarker::UpperAlpha:
      return "A";
    case ListMarker::LowerRoman:
      return "i";
    case ListMarker::UpperRoman:
      return "I";
  }
  return "?";
}

void append_inlines(const Inlines& inlines, std::string& out);
void append_blocks(const Blocks& blocks, std::string& out);

void append_inline(const Inline& item, std::string& out) {
  std::visit(
      [&](const auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, Text>) {
          out += node.text;
        } else if constexpr (std::is_same_v<Node, LineBreak>) {
          out += "{br}";
        } else if constexpr (std::is_same_v<Node, Anchor>) {
          out += "{#" + node.id + "}";
        } else if constexpr (std::is_same_v<Node, Styled>) {
          out += style_name(node.style);
          out += '[';
          append_inlines(node.children, out);
          out += ']';
        } else if constexpr (std::is_same_v<Node, Link>) {
          out += "Link(";
          if (node.target.is_internal()) {
            out += "@" + std::to_string(node.target.chapter);
            if (!node.target.anchor.empty()) out += "#" + node.target.anchor;
          } else {
            out += node.target.url;
          }
          out += ")[";
          append_inlines(node.children, out);
          out += ']';
        }
      },
      item.node);
}

void append_inlines(const Inlines& inlines, std::string& out) {
  for (const Inline& item : inlines) append_inline(item, out);
}

std::string id_suffix(const std::string& id) {
  return id.empty() ? std::string() : "#" + id;
}

void append_cell(const TableCell& cell, std::string& out) {
  out += cell.header ? "TH" : "TD";
  if (cell.column_span != 1 || cell.row_span != 1) {
    out += '(';
    if (cell.column_span != 1) out += "c" + std::to_string(cell.column_span);
    if (cell.column_span != 1 && cell.row_span != 1) out += ',';
    if (cell.row_span != 1) out += "r" + std::to_string(cell.row_span);
    out += ')';
  }
  out += '[';
  append_blocks(cell.blocks, out);
  out += ']';
}

void append_block(const Block& block, std::string& out) {
  std::visit(
      [&](const auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, Paragraph>) {
          out += "P" + id_suffix(node.id) + "[";
          append_inlines(node.content, out);
          out += ']';
        } else if constexpr (std::is_same_v<Node, Heading>) {
          out += "H" + std::to_string(node.level) + id_suffix(node.id) + "[";
          append_inlines(node.content, out);
          out += ']';
        } else if constexpr (std::is_same_v<Node, List>) {
          out += node.ordered ? "OL" : "UL";
          if (node.ordered && (node.start != 1 || node.marker != ListMarker::Decimal)) {
            out += "(start=" + std::to_string(node.start) + "," + marker_name(node.marker) + ")";
          } else if (!node.ordered && node.marker != ListMarker::Bullet) {
            out += std::string("(") + marker_name(node.marker) + ")";
          }
          out += '[';
          for (std::size_t i = 0; i < node.items.size(); ++i) {
            if (i > 0) out += ' ';
            out += "LI" + id_suffix(node.items[i].id) + "[";
            append_blocks(node.items[i].blocks, out);
            out += ']';
          }
          out += ']';
        } else if constexpr (std::is_same_v<Node, BlockQuote>) {
          out += "Quote[";
          append_blocks(node.blocks, out);
          if (!node.citation.empty()) {
            if (!node.blocks.empty()) out += ' ';
            out += "Cite[";
            append_inlines(node.citation, out);
            out += ']';
          }
          out += ']';
        } else if constexpr (std::is_same_v<Node, Figure>) {
          out += "Fig" + id_suffix(node.id) + "(" + node.image.source + "|" + node.image.alt;
          if (!node.image.failure.empty()) out += "|!";
          out += ')';
          if (!node.caption.empty()) {
            out += '[';
            append_inlines(node.caption, out);
            out += ']';
          }
        } else if constexpr (std::is_same_v<Node, Table>) {
          out += "Table";
          if (node.header_rows > 0) out += "(head=" + std::to_string(node.header_rows) + ")";
          out += '[';
          for (std::size_t r = 0; r < node.rows.size(); ++r) {
            if (r > 0) out += ' ';
            out += "Row[";
            for (std::size_t c = 0; c < node.rows[r].cells.size(); ++c) {
              if (c > 0) out += ' ';
              append_cell(node.rows[r].cells[c], out);
            }
            out += ']';
          }
          if (!node.caption.empty()) {
            if (!node.rows.empty()) out += ' ';
            out += "Caption[";
            append_inlines(node.caption, out);
            out += ']';
          }
          out += ']';
        } else if constexpr (std::is_same_v<Node, CodeBlock>) {
          out += "Pre[";
          for (char c : node.text) {
            if (c == '\n')
              out += "\\n";
            else
              out += c;
          }
          out += ']';
        } else if constexpr (std::is_same_v<Node, Rule>) {
          out += "HR";
        }
      },
      block.node);
}

void append_blocks(const Blocks& blocks, std::string& out) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i > 0) out += ' ';
    append_block(blocks[i], out);
  }
}

}  // namespace

std::string dump(const book::Inlines& inlines) {
  std::string out;
  append_inlines(inlines, out);
  return out;
}

std::string dump(const book::Block& block) {
  std::string out;
  append_block(block, out);
  return out;
}

std::string dump(const book::Blocks& blocks) {
  std::string out;
  append_blocks(blocks, out);
  return out;
}

}  // namespace pb::test
