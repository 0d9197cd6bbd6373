// The feed and WXR readers (with their XML repairs, wpautop and shortcodes): any bytes give
// posts or a BuildError, never a crash or a hang.
#include <string_view>

#include "common/diagnostics.h"
#include "common/error.h"
#include "fuzz/fuzz_target.h"
#include "sources/feed_reader.h"
#include "sources/shortcodes.h"
#include "sources/wpautop.h"

namespace {

int fuzz_feed(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  pb::Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  try {
    if (pb::sources::detect_xml_source(text) == pb::sources::XmlSourceKind::Wxr)
      pb::sources::read_wxr(text, "fuzz.xml", diagnostics);
    else
      pb::sources::read_feed(text, "fuzz.xml", diagnostics);
  } catch (const pb::BuildError&) {
  }
  pb::sources::wpautop(text);
  return 0;
}

}  // namespace

POSTBINDER_FUZZ_TARGET(feed, fuzz_feed)
