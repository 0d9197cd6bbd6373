#include "pdf/document_layout.h"

namespace pb::pdf {

void render(const LaidOutDocument& document, Device& device) {
  device.begin_document(document.info, document.structure);
  for (const LaidOutPage& page : document.pages) {
    device.begin_page(page.width, page.height);
    bool open = false;
    int current = -2;
    for (const PageOp& op : page.ops) {
      if (const auto* link = std::get_if<LinkArea>(&op.op)) {
        device.add_link(*link, op.element);
        continue;
      }
      if (const auto* destination = std::get_if<Destination>(&op.op)) {
        device.add_destination(*destination);
        continue;
      }
      if (!open || op.element != current) {
        if (open) device.end_marked();
        device.begin_marked(op.element);
        open = true;
        current = op.element;
      }
      std::visit(
          [&](const auto& draw) {
            using T = std::decay_t<decltype(draw)>;
            if constexpr (std::is_same_v<T, GlyphRun>) {
              device.draw_glyphs(draw);
            } else if constexpr (std::is_same_v<T, ImageDraw>) {
              device.draw_image(draw);
            } else if constexpr (std::is_same_v<T, RectDraw>) {
              device.draw_rect(draw);
            }
          },
          op.op);
    }
    if (open) device.end_marked();
    device.end_page();
  }
  DocumentNavigation navigation;
  navigation.outline = document.outline;
  navigation.labels = document.labels;
  device.end_document(navigation);
}

}  // namespace pb::pdf
