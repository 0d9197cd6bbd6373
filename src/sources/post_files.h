// Loads posts from the INPUT arguments that are local: JSON files holding a post or an array of
// posts, and folders searched recursively for such files.
#pragma once

#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "sources/post.h"

namespace pb::sources {

// True when the argument names a local file or folder (not a URL).
bool is_local_input(const std::string& input);

// Throws BuildError for unreadable or malformed files and for a folder with no posts.
// Posts are returned in a stable order (inputs in order, folder entries sorted by path);
// a post id seen twice is kept once (the most recently modified copy) with a warning
// when the copies differ. Drafts and scheduled posts are left out with a warning.
std::vector<Post> load_post_files(const std::vector<std::string>& inputs, Diagnostics& diagnostics);

}  // namespace pb::sources
