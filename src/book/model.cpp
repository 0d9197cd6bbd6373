#include "book/model.h"

namespace pb::book {

namespace {

void append_plain_text(const Inlines& inlines, std::string& out) {
  for (const Inline& item : inlines) {
    if (const auto* text = std::get_if<Text>(&item.node)) {
      out += text->text;
    } else if (std::holds_alternative<LineBreak>(item.node)) {
      out += ' ';
    } else if (const auto* styled = std::get_if<Styled>(&item.node)) {
      append_plain_text(styled->children, out);
    } else if (const auto* link = std::get_if<Link>(&item.node)) {
      append_plain_text(link->children, out);
    }
  }
}

}  // namespace

const Resource* Book::find_resource(const std::string& id) const {
  for (const Resource& resource : resources)
    if (resource.id == id) return &resource;
  return nullptr;
}

std::string plain_text(const Inlines& inlines) {
  std::string out;
  append_plain_text(inlines, out);
  return out;
}

void for_each_block(Blocks& blocks, const std::function<void(Block&)>& visit) {
  for (Block& block : blocks) {
    visit(block);
    std::visit(
        [&](auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, List>) {
            for (ListItem& item : node.items) for_each_block(item.blocks, visit);
          } else if constexpr (std::is_same_v<Node, BlockQuote>) {
            for_each_block(node.blocks, visit);
          } else if constexpr (std::is_same_v<Node, Table>) {
            for (TableRow& row : node.rows)
              for (TableCell& cell : row.cells) for_each_block(cell.blocks, visit);
          }
        },
        block.node);
  }
}

void for_each_inline_sequence(Block& block, const std::function<void(Inlines&)>& visit) {
  std::visit(
      [&](auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, Paragraph> || std::is_same_v<Node, Heading>) {
          visit(node.content);
        } else if constexpr (std::is_same_v<Node, Figure> || std::is_same_v<Node, Table>) {
          visit(node.caption);
        } else if constexpr (std::is_same_v<Node, BlockQuote>) {
          visit(node.citation);
        }
      },
      block.node);
}

void for_each_inline(Inlines& inlines, const std::function<void(Inline&)>& visit) {
  for (Inline& item : inlines) {
    visit(item);
    if (auto* styled = std::get_if<Styled>(&item.node)) for_each_inline(styled->children, visit);
    if (auto* link = std::get_if<Link>(&item.node)) for_each_inline(link->children, visit);
  }
}

void for_each_image(Blocks& blocks, const std::function<void(ImageRef&)>& visit) {
  for_each_block(blocks, [&](Block& block) {
    if (auto* figure = std::get_if<Figure>(&block.node)) visit(figure->image);
  });
}

void for_each_image(const Book& book, const std::function<void(const ImageRef&)>& visit) {
  // The walk never modifies the book; the mutable overload does the visiting.
  for_each_image(const_cast<Book&>(book), [&](ImageRef& image) { visit(image); });
}

void for_each_image(Book& book, const std::function<void(ImageRef&)>& visit) {
  for (Chapter& chapter : book.chapters) for_each_image(chapter.blocks, visit);
}

}  // namespace pb::book
