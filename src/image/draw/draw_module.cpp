// The postbinder_draw module's entry point (see image/draw_api.h).
#include "image/draw_api.h"
#include "image/webp_converter.h"

extern "C" __attribute__((visibility("default"))) const pb::image::DrawApi* postbinder_draw_api() {
  static const pb::image::DrawApi api = {pb::image::kDrawApiVersion, &pb::image::convert_plain_webp,
                                         &pb::image::generate_cover};
  return &api;
}
