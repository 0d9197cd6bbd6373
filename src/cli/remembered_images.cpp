#include "cli/remembered_images.h"

#include "common/digest.h"

namespace pb::cli {

std::string remembered_images_key(const transform::BookRequest& request) {
  std::string identity = "images-1\n" + std::to_string(request.max_image_width) + "\n";
  for (const sources::Post* post : request.posts) {
    identity += std::to_string(post->id) + "\t" + post->link + "\t" + post->modified_gmt + "\t" +
                std::to_string(post->content_html.size()) + "\t" +
                (post->featured_image ? post->featured_image->url : std::string()) + "\n";
  }
  return "book-images:" + digest::sha256_hex(identity);
}

std::string join_sources(const std::vector<std::string>& sources) {
  std::string text;
  for (const std::string& source : sources)
    if (source.find('\n') == std::string::npos) text += source + "\n";
  return text;
}

std::vector<std::string> split_sources(const std::string& text) {
  std::vector<std::string> sources;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) sources.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return sources;
}

}  // namespace pb::cli
