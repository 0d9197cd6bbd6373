// Lays out a whole book: the body's chapters cut into pages, then the front matter that needs
// their page numbers (cover or title page, colophon, contents with dot leaders), running heads,
// folios and handout footers, the outline, page labels and document information.
#pragma once

#include <cstddef>
#include <vector>

#include "book/model.h"
#include "common/diagnostics.h"
#include "pdf/device.h"
#include "pdf/fonts.h"
#include "pdf/hyphenator.h"
#include "pdf/presets.h"

namespace pb::pdf {

struct LaidOutPage {
  double width = 0, height = 0;
  std::vector<PageOp> ops;  // page coordinates
  bool blank = false;
  bool body = false;  // a page of the chapters (not front matter)
  int chapter = -1;
  bool opens_chapter = false;
};

struct LaidOutDocument {
  std::vector<LaidOutPage> pages;
  std::size_t front_matter = 0;            // pages before the first chapter
  std::vector<std::size_t> chapter_pages;  // page index where each chapter starts
  DocumentInfo info;
  std::vector<OutlineEntry> outline;
  std::vector<PageLabelRange> labels;
  StructureTree structure;
  PageSettings settings;
};

LaidOutDocument lay_out_document(const book::Book& book, const PageSettings& settings, FontSet& fonts,
                                 const Hyphenator* hyphenator, Diagnostics& diagnostics);

// Draws the laid-out pages to a device, wrapping content in marked-content sequences.
void render(const LaidOutDocument& document, Device& device);

}  // namespace pb::pdf
