#include "cli/post_loading.h"

#include "common/error.h"
#include "sources/post_files.h"

namespace pb::cli {

std::vector<sources::Post> load_posts(const std::vector<std::string>& inputs, Diagnostics& diagnostics) {
  for (const std::string& input : inputs)
    if (!sources::is_local_input(input))
      throw UsageError("\"" + input + "\": reading posts from a URL is not supported yet; give JSON files or folders");
  return sources::load_post_files(inputs, diagnostics);
}

}  // namespace pb::cli
