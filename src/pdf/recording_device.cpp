#include "pdf/recording_device.h"

namespace pb::pdf {

void RecordingDevice::begin_document(const DocumentInfo& info, const StructureTree& structure) {
  info_ = info;
  structure_ = &structure;
}

void RecordingDevice::begin_page(double width, double height) {
  pages_.push_back(RecordedPage{width, height, {}});
  if (marked_ != -2) balanced_ = false;
}

void RecordingDevice::begin_marked(int element) {
  if (marked_ != -2) balanced_ = false;
  marked_ = element;
}

void RecordingDevice::end_marked() {
  if (marked_ == -2) balanced_ = false;
  marked_ = -2;
}

void RecordingDevice::draw_glyphs(const GlyphRun& run) {
  if (marked_ == -2) balanced_ = false;
  pages_.back().ops.push_back({run, marked_});
}

void RecordingDevice::draw_image(const ImageDraw& image) {
  if (marked_ == -2) balanced_ = false;
  pages_.back().ops.push_back({image, marked_});
}

void RecordingDevice::draw_rect(const RectDraw& rect) {
  if (marked_ == -2) balanced_ = false;
  pages_.back().ops.push_back({rect, marked_});
}

void RecordingDevice::add_link(const LinkArea& link, int element) { pages_.back().ops.push_back({link, element}); }

void RecordingDevice::add_destination(const Destination& destination) {
  pages_.back().ops.push_back({destination, -1});
}

void RecordingDevice::end_page() {
  if (marked_ != -2) balanced_ = false;
}

void RecordingDevice::end_document(const DocumentNavigation& navigation) { navigation_ = navigation; }

}  // namespace pb::pdf
