// WordPress shortcodes in raw post_content (WXR exports hold them unexpanded). WordPress
// replaces them when it renders a post; a book made from raw content has to do the same for
// the core ones and get the others out of the reader's way.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace pb::sources {

// A media library item, as a WXR export describes it.
struct Attachment {
  std::int64_t id = 0;
  std::string url;          // wp:attachment_url
  std::string alt;          // _wp_attachment_image_alt
  std::string caption;      // the attachment's excerpt, plain text
  std::string title;        // plain text
  std::int64_t parent = 0;  // the post it was uploaded to
  int menu_order = 0;
  int width = 0;
  int height = 0;
};

struct ShortcodeContext {
  // Attachments by id, for [gallery]; may be null.
  const std::map<std::int64_t, Attachment>* attachments = nullptr;
  // The post whose content this is: [gallery] without ids shows its attachments.
  std::int64_t post_id = 0;
  // Told about shortcodes that could not be rendered ("[gallery]: no attachment 12").
  std::function<void(const std::string&)> warn;
};

// Expands the shortcodes of raw post_content into HTML:
//  - [caption id="attachment_5" align="alignright" width="300"]<img .../> Text[/caption] (also
//    [wp_caption], and the caption="..." attribute form) becomes
//    <figure id="attachment_5" class="wp-caption alignright"><img .../><figcaption
//    class="wp-caption-text">Text</figcaption></figure>;
//  - [gallery ids="1,2,3"] (or include="..."; without either, the post's own attachments in
//    menu order) becomes <div class="gallery gallery-columns-N"> with one <figure
//    class="gallery-item"> per image, captioned when the attachment has a caption;
//  - [embed]URL[/embed], [video src=URL], [audio src=URL] (or mp4=, mp3=...) and a URL alone
//    on its own line (WordPress's oEmbed) become a paragraph linking to the URL; [playlist]
//    is removed;
//  - any other shortcode that encloses content ([box]text[/box]) is replaced by its content;
//    other self-closing ones are removed when they look like shortcodes: they have attributes
//    (key=value), end in "/]", or are known plugin shortcodes ([toc], [contact-form-7 ...]).
//    Bracketed prose such as "[sic]", "[1]" or "[Update: fixed]" is left alone;
//  - "[[name]]" is WordPress's escape: it becomes the literal text "[name]".
// Shortcodes inside HTML tags, comments and <pre>/<code>/<script>/<style> are left alone (a
// code sample showing "[gallery]" stays a code sample). The result still needs wpautop.
std::string expand_shortcodes(std::string_view content, const ShortcodeContext& context);

}  // namespace pb::sources
