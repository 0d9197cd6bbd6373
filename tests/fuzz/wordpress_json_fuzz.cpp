// The WordPress JSON loader: any bytes give posts or a BuildError, never a crash.
#include <string_view>

#include "common/error.h"
#include "fuzz/fuzz_target.h"
#include "sources/wordpress_json.h"

namespace {

int fuzz_wordpress_json(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    for (const pb::sources::Post& post : pb::sources::parse_posts_json(text, "fuzz.json"))
      if (post.title.empty()) __builtin_trap();  // an accepted post always has a title
  } catch (const pb::BuildError&) {
  }
  return 0;
}

}  // namespace

POSTBINDER_FUZZ_TARGET(wordpress_json, fuzz_wordpress_json)
