#include "transform/internal_links.h"

#include <set>
#include <utility>

namespace pb::transform {

namespace {

using IdSet = std::set<std::string, std::less<>>;

IdSet ids_present(book::Chapter& chapter) {
  IdSet present = {chapter.title_id};
  book::for_each_block(chapter.blocks, [&](book::Block& block) {
    std::visit(
        [&](auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, book::Paragraph> || std::is_same_v<Node, book::Heading> ||
                        std::is_same_v<Node, book::Figure>) {
            if (!node.id.empty()) present.insert(node.id);
          } else if constexpr (std::is_same_v<Node, book::List>) {
            for (const book::ListItem& item : node.items)
              if (!item.id.empty()) present.insert(item.id);
          }
        },
        block.node);
    book::for_each_inline_sequence(block, [&](book::Inlines& inlines) {
      book::for_each_inline(inlines, [&](book::Inline& item) {
        if (const auto* anchor = std::get_if<book::Anchor>(&item.node)) present.insert(anchor->id);
      });
    });
  });
  return present;
}

template <typename Visit>
void for_each_link(book::Chapter& chapter, Visit&& visit) {
  book::for_each_block(chapter.blocks, [&](book::Block& block) {
    book::for_each_inline_sequence(block, [&](book::Inlines& inlines) {
      book::for_each_inline(inlines, [&](book::Inline& item) {
        if (auto* link = std::get_if<book::Link>(&item.node)) visit(*link);
      });
    });
  });
}

void remove_anchors(book::Inlines& inlines, const IdSet& keep) {
  std::erase_if(inlines, [&](book::Inline& item) {
    if (auto* styled = std::get_if<book::Styled>(&item.node)) remove_anchors(styled->children, keep);
    if (auto* link = std::get_if<book::Link>(&item.node)) remove_anchors(link->children, keep);
    const auto* anchor = std::get_if<book::Anchor>(&item.node);
    return anchor && !keep.contains(anchor->id);
  });
}

void prune_unreferenced_ids(book::Chapter& chapter, const IdSet& referenced) {
  const auto clear_unless_referenced = [&](std::string& id) {
    if (!referenced.contains(id)) id.clear();
  };
  book::for_each_block(chapter.blocks, [&](book::Block& block) {
    std::visit(
        [&](auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, book::Paragraph> || std::is_same_v<Node, book::Figure>) {
            clear_unless_referenced(node.id);
          } else if constexpr (std::is_same_v<Node, book::List>) {
            for (book::ListItem& item : node.items) clear_unless_referenced(item.id);
          }
        },
        block.node);
    book::for_each_inline_sequence(block, [&](book::Inlines& inlines) { remove_anchors(inlines, referenced); });
  });
}

}  // namespace

void finalise_internal_links(book::Book& book, const std::vector<IdRegistry>& registries) {
  std::vector<IdSet> present;
  for (book::Chapter& chapter : book.chapters) present.push_back(ids_present(chapter));

  std::vector<IdSet> referenced(book.chapters.size());
  for (book::Chapter& chapter : book.chapters) {
    for_each_link(chapter, [&](book::Link& link) {
      book::LinkTarget& target = link.target;
      if (!target.is_internal()) return;
      if (target.chapter >= book.chapters.size()) {  // cannot happen; never write a broken link
        target.chapter = 0;
        target.anchor.clear();
        return;
      }
      if (target.anchor.empty()) return;
      std::string final_id = registries[target.chapter].find(target.anchor);
      if (final_id.empty() && present[target.chapter].contains(target.anchor)) final_id = target.anchor;
      if (final_id.empty() || !present[target.chapter].contains(final_id)) {
        target.anchor.clear();
        return;
      }
      target.anchor = final_id;
      referenced[target.chapter].insert(final_id);
    });
  }
  for (std::size_t i = 0; i < book.chapters.size(); ++i) prune_unreferenced_ids(book.chapters[i], referenced[i]);
}

}  // namespace pb::transform
