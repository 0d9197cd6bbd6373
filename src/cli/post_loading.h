// Reads the INPUT arguments into posts, whatever kind of source each one is.
#pragma once

#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "sources/post.h"

namespace pb::cli {

std::vector<sources::Post> load_posts(const std::vector<std::string>& inputs, Diagnostics& diagnostics);

}  // namespace pb::cli
