#include "pdf/recording_device.h"

namespace pb::pdf {

void RecordingDevice::record(DrawOp op, int element) {
  PageOp& added = pages_.back().ops.emplace_back();
  added.op = std::move(op);
  added.element = element;
}

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
  record(run, marked_);
}

void RecordingDevice::draw_image(const ImageDraw& image) {
  if (marked_ == -2) balanced_ = false;
  record(image, marked_);
}

void RecordingDevice::draw_rect(const RectDraw& rect) {
  if (marked_ == -2) balanced_ = false;
  record(rect, marked_);
}

void RecordingDevice::add_link(const LinkArea& link, int element) {
  record(link, element);
}

void RecordingDevice::add_destination(const Destination& destination) {
  record(destination, -1);
}

void RecordingDevice::end_page() {
  if (marked_ != -2) balanced_ = false;
}

void RecordingDevice::end_document(const DocumentNavigation& navigation) {
  navigation_ = navigation;
}

}  // namespace pb::pdf
