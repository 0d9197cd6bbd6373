#include "transform/embed_link.h"

#include "common/text.h"
#include "common/url.h"

namespace pb::transform {

namespace {

std::string path_segment_after(std::string_view path, std::string_view marker) {
  const std::size_t at = path.find(marker);
  if (at == std::string_view::npos) return {};
  std::string_view rest = path.substr(at + marker.size());
  return std::string(rest.substr(0, rest.find('/')));
}

std::string with_title(std::string label, std::string_view title) {
  const std::string_view trimmed = text::trim(title);
  if (!trimmed.empty()) label += ": " + text::collapse_whitespace(trimmed);
  return label;
}

bool host_is(const std::string& host, std::string_view domain) {
  return host == domain || host.ends_with("." + std::string(domain));
}

}  // namespace

std::optional<EmbedLink> embed_link(std::string_view src, std::string_view title, std::string_view kind) {
  const std::optional<url::Parts> parts = url::parse(src);
  if (!parts || (parts->scheme != "http" && parts->scheme != "https")) return std::nullopt;
  const std::string& host = parts->host;
  if (host_is(host, "youtube.com") || host_is(host, "youtube-nocookie.com")) {
    const std::string id = path_segment_after(parts->path, "/embed/");
    // /embed/videoseries?list=ID embeds a playlist.
    for (std::string_view pair : text::split(parts->query, '&'))
      if (pair.starts_with("list=") && pair.size() > 5)
        if (id == "videoseries" || id.empty())
          return EmbedLink{"https://www.youtube.com/playlist?" + std::string(pair),
                           with_title("Playlist on YouTube", title)};
    if (!id.empty()) return EmbedLink{"https://www.youtube.com/watch?v=" + id, with_title("Video on YouTube", title)};
  }
  if (host_is(host, "vimeo.com")) {
    const std::string id = path_segment_after(parts->path, "/video/");
    if (!id.empty()) return EmbedLink{"https://vimeo.com/" + id, with_title("Video on Vimeo", title)};
  }
  if (host_is(host, "twitter.com") || host_is(host, "x.com"))
    return EmbedLink{url::without_fragment(src), with_title("Post on X (Twitter)", title)};
  if (host_is(host, "spotify.com"))
    return EmbedLink{url::without_fragment(src), with_title("Listen on Spotify", title)};
  if (host_is(host, "soundcloud.com") || host_is(host, "w.soundcloud.com"))
    return EmbedLink{url::without_fragment(src), with_title("Listen on SoundCloud", title)};
  if (host_is(host, "google.com") && parts->path.starts_with("/maps"))
    return EmbedLink{url::without_fragment(src), with_title("Map", title)};
  std::string label = kind == "video" ? "Video" : kind == "audio" ? "Audio" : "Embedded content";
  return EmbedLink{url::without_fragment(src), with_title(label + " from " + url::without_www(host), title)};
}

}  // namespace pb::transform
