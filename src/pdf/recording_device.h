// A device that keeps what it is given, for tests: every page's operations with the structure
// element they were drawn under, the links, destinations, outline and labels.
#pragma once

#include <string>
#include <vector>

#include "pdf/device.h"

namespace pb::pdf {

struct RecordedPage {
  double width = 0, height = 0;
  std::vector<PageOp> ops;  // content ops carry the element of their marked-content sequence
};

class RecordingDevice : public Device {
 public:
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

  const std::vector<RecordedPage>& pages() const { return pages_; }
  const DocumentInfo& info() const { return info_; }
  const DocumentNavigation& navigation() const { return navigation_; }
  const StructureTree* structure() const { return structure_; }
  bool balanced() const { return balanced_; }  // every begin_marked had its end_marked, none nested

 private:
  void record(DrawOp op, int element);

  std::vector<RecordedPage> pages_;
  DocumentInfo info_;
  DocumentNavigation navigation_;
  const StructureTree* structure_ = nullptr;
  int marked_ = -2;  // -2: not inside marked content
  bool balanced_ = true;
};

}  // namespace pb::pdf
