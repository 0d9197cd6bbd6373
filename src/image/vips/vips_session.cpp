#include "image/vips/vips_session.h"

#include <vips/vips.h>

#include <mutex>

#include "common/error.h"

namespace pb::image::vips {

void ensure_vips() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] {
    started = VIPS_INIT("postbinder") == 0;
    if (started) {
      vips_cache_set_max(0);    // every image is used once: caching operations only costs memory
      vips_concurrency_set(1);  // images are converted in parallel, one thread each (image_embedder)
      vips_leak_set(FALSE);
    }
  });
  if (!started) throw BuildError("libvips", "cannot start: " + take_vips_error());
}

std::string take_vips_error() {
  std::string text = vips_error_buffer();
  vips_error_clear();
  const std::size_t newline = text.find('\n');
  if (newline != std::string::npos) text.resize(newline);
  return text.empty() ? "unknown libvips error" : text;
}

}  // namespace pb::image::vips
