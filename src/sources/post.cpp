#include "sources/post.h"

namespace pb::sources {

std::string Post::describe() const {
  std::string text = "post " + std::to_string(id);
  if (!origin.empty()) text += " (" + origin + ")";
  return text;
}

}  // namespace pb::sources
