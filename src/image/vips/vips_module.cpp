// The postbinder_vips module's entry point (see image/vips_api.h).
#include "image/vips_api.h"

extern "C" __attribute__((visibility("default"))) const pb::image::VipsApi* postbinder_vips_api() {
  static const pb::image::VipsApi api = {pb::image::kVipsApiVersion, &pb::image::vips::convert};
  return &api;
}
