// The device that writes a real PDF through PoDoFo 0.9.8: text drawn by glyph id with raw TJ
// operators, fonts embedded as hb-subset subsets (Type0/CIDFontType2, Identity-H, ToUnicode),
// images, link annotations, named places resolved to explicit destinations, outline, page
// labels, document info and XMP, and the structure tree of a tagged PDF. Pages are collected
// and inserted in one go at the end (PoDoFo's CreatePage is quadratic and invalidates pointers).
#pragma once

#include <filesystem>
#include <memory>

#include "common/diagnostics.h"
#include "pdf/device.h"

namespace pb::pdf {

class PdfDevice : public Device {
 public:
  explicit PdfDevice(Diagnostics& diagnostics);
  ~PdfDevice() override;

  void begin_document(const DocumentInfo& info, const StructureTree& structure) override;
  void begin_page(double width, double height) override;
  void begin_marked(int element) override;
  void end_marked() override;
  void draw_glyphs(const GlyphRun& run) override;
  void draw_image(const ImageDraw& image) override;
  void draw_rect(const RectDraw& rect) override;
  void add_link(const LinkArea& link, int element) override;
  void add_destination(const Destination& destination) override;
  void end_page() override;
  void end_document(const DocumentNavigation& navigation) override;

  // Writes the finished document. Throws BuildError naming `file` when PoDoFo fails.
  void write(const std::filesystem::path& file);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pb::pdf
