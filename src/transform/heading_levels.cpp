#include "transform/heading_levels.h"

#include <algorithm>
#include <functional>

#include "common/text.h"

namespace pb::transform {

namespace {

void for_each_heading(book::Blocks& blocks, const std::function<void(book::Heading&)>& visit) {
  for (book::Block& block : blocks) {
    std::visit(
        [&](auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, book::Heading>) {
            visit(node);
          } else if constexpr (std::is_same_v<Node, book::List>) {
            for (book::ListItem& item : node.items) for_each_heading(item.blocks, visit);
          } else if constexpr (std::is_same_v<Node, book::BlockQuote>) {
            for_each_heading(node.blocks, visit);
          } else if constexpr (std::is_same_v<Node, book::Table>) {
            for (book::TableRow& row : node.rows)
              for (book::TableCell& cell : row.cells) for_each_heading(cell.blocks, visit);
          }
        },
        block.node);
  }
}

std::string comparable(std::string_view text) {
  return text::ascii_lower(text::trim(text::collapse_whitespace(text::replace_all(text, "\xC2\xA0", " "))));
}

}  // namespace

void drop_repeated_title(book::Blocks& blocks, std::string_view title) {
  if (blocks.empty()) return;
  const auto* heading = std::get_if<book::Heading>(&blocks.front().node);
  if (heading && comparable(book::plain_text(heading->content)) == comparable(title)) blocks.erase(blocks.begin());
}

void normalise_heading_levels(book::Blocks& blocks) {
  int highest = 7;
  for_each_heading(blocks, [&](book::Heading& heading) { highest = std::min(highest, heading.level); });
  if (highest == 7) return;
  const int shift = 2 - highest;
  // Levels then go down one step at a time (h2 -> h4 becomes h2 -> h3): screen readers and
  // the contents list a skipped level as a missing section.
  int previous = 1;  // the chapter title
  for_each_heading(blocks, [&](book::Heading& heading) {
    heading.level = std::clamp(heading.level + shift, 2, std::min(6, previous + 1));
    previous = heading.level;
  });
}

void unwrap_bold_headings(book::Blocks& blocks) {
  for_each_heading(blocks, [](book::Heading& heading) {
    while (heading.content.size() == 1) {
      auto* styled = std::get_if<book::Styled>(&heading.content.front().node);
      if (!styled || styled->style != book::Style::Strong) return;
      book::Inlines inner = std::move(styled->children);
      heading.content = std::move(inner);
    }
  });
}

void assign_heading_ids(book::Blocks& blocks, IdRegistry& ids) {
  for_each_heading(blocks, [&](book::Heading& heading) {
    if (heading.id.empty()) heading.id = ids.make(book::plain_text(heading.content), "section");
  });
}

}  // namespace pb::transform
