#include "image/vips/vips_session.h"

#include <vips/vips.h>

#include <cstdlib>
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
      // libvips' workers, and the idle threads glib keeps for reuse, end before the process
      // does: with Debian 12's libraries of December 2026, LeakSanitizer's exit-time scan
      // crashed reading one of them still alive (a bogus dynamic thread-local range).
      std::atexit([] {
        vips_shutdown();
        g_thread_pool_set_max_unused_threads(0);
        g_thread_pool_stop_unused_threads();
      });
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
