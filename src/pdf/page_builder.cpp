#include "pdf/page_builder.h"

#include "pdf/items.h"

namespace pb::pdf {

namespace {

bool forced(const VItem& item) {
  return item.kind == VItem::Kind::Penalty && item.penalty <= -kInfinitePenalty;
}

bool legal_break(const std::vector<VItem>& items, std::size_t i) {
  const VItem& item = items[i];
  if (item.kind == VItem::Kind::Penalty) return item.penalty < kInfinitePenalty;
  if (item.kind == VItem::Kind::Space) return i > 0 && items[i - 1].kind == VItem::Kind::Box;
  return false;
}

}  // namespace

VItem space_item(double height) {
  VItem item;
  item.kind = VItem::Kind::Space;
  item.height = height;
  return item;
}

VItem penalty_item(int penalty) {
  VItem item;
  item.kind = VItem::Kind::Penalty;
  item.penalty = penalty;
  return item;
}

VItem box_item(double height, std::vector<PageOp> ops) {
  VItem item;
  item.height = height;
  item.ops = std::move(ops);
  return item;
}

void translate(std::vector<PageOp>& ops, double dx, double dy) {
  for (PageOp& op : ops) {
    std::visit(
        [&](auto& draw) {
          using T = std::decay_t<decltype(draw)>;
          if constexpr (std::is_same_v<T, GlyphRun> || std::is_same_v<T, Destination>) {
            draw.x += dx;
            draw.y += dy;
          } else {
            draw.rect.x += dx;
            draw.rect.y += dy;
          }
        },
        op.op);
  }
}

std::vector<BuiltPage> build_pages(const std::vector<VItem>& items, double page_height) {
  std::vector<BuiltPage> pages;
  int chapter = -1;
  std::size_t i = 0;
  const std::size_t n = items.size();
  while (i < n) {
    // Breaks vanish at the top of a page; a forced one may ask for a right-hand page.
    while (i < n && items[i].kind != VItem::Kind::Box) {
      if (forced(items[i]) && items[i].recto && pages.size() % 2 == 1) {
        BuiltPage blank;
        blank.blank = true;
        blank.chapter = chapter;
        pages.push_back(std::move(blank));
      }
      ++i;
    }
    if (i >= n) break;
    const std::size_t begin = i;
    double y = 0;
    long best = -1;
    std::size_t end = n;
    bool found_end = false;
    for (std::size_t j = begin; j < n; ++j) {
      const VItem& item = items[j];
      if (item.kind == VItem::Kind::Box) {
        if (y + item.height > page_height + 0.01 && j > begin) {
          end = best >= 0 ? static_cast<std::size_t>(best) : j;
          found_end = true;
          break;
        }
        y += item.height;
      } else if (forced(item)) {
        end = j;
        found_end = true;
        break;
      } else if (legal_break(items, j)) {
        best = static_cast<long>(j);
        if (item.kind == VItem::Kind::Space) y += item.height;
      } else if (item.kind == VItem::Kind::Space) {
        y += item.height;
      }
    }
    if (!found_end) end = n;
    BuiltPage page;
    page.chapter = chapter;
    double top = 0;
    for (std::size_t j = begin; j < end; ++j) {
      const VItem& item = items[j];
      if (item.kind == VItem::Kind::Penalty) continue;
      if (item.kind == VItem::Kind::Box) {
        if (item.chapter >= 0) {
          chapter = item.chapter;
          page.chapter = chapter;
          page.opens_chapter = true;
        }
        std::vector<PageOp> ops = item.ops;
        translate(ops, 0, top);
        for (PageOp& op : ops) page.ops.push_back(std::move(op));
      }
      top += item.height;
    }
    page.used = top;
    pages.push_back(std::move(page));
    i = end;
  }
  return pages;
}

}  // namespace pb::pdf
