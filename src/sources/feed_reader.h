// Posts from XML: RSS 2.0 and Atom feeds (what a WordPress site serves at /feed/ and
// /feed/atom/) and WordPress export files (WXR, Tools > Export). WordPress writes bytes XML
// forbids into both (control characters pasted into posts): they are removed before parsing,
// with one warning per document (see xml_text.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.h"
#include "sources/post.h"

namespace pb::sources {

enum class XmlSourceKind { Rss, Atom, Wxr, NotXmlFeed };

// What kind of document this is, from its root element and namespace declarations only (cheap
// on a 50 MB export): <rss> declaring a http://wordpress.org/export/ namespace is a WXR export,
// other <rss> (and RSS 1.0's <rdf:RDF>) a feed, <feed> in the Atom namespace an Atom feed;
// anything else (HTML, JSON, other XML, nothing) NotXmlFeed.
XmlSourceKind detect_xml_source(std::string_view text);

// The items of an RSS or Atom feed (a WXR export is handed to read_wxr). text is the whole
// document; origin (a path or URL) names it in messages, and each post's origin is
// "<origin> [item N]". Feed items are published posts: status "publish".
//  - RSS: title (HTML, decoded to plain text), link, guid, pubDate (RFC 822; dc:date in RSS
//    1.0), dc:creator, content:encoded (else description, with one warning that feeds without
//    full text hold summaries), category (categories and tags alike: RSS does not tell them
//    apart), media:thumbnail (featured image).
//  - Atom: title (text, html or xhtml), link rel="alternate", id, published (else updated),
//    updated, author/name (else the feed's author), content (html, xhtml or text; text is
//    escaped into <p>s; else summary), category label or term.
//  - id: WordPress.com's <post-id>, else the "p" (or "page_id") parameter of a guid or id such as
//    "https://example.org/?p=123", else the same in the link, else synthetic_post_id(link)
//    (feed_fields.h: a stable hash, always >= 2^40, so never a real WordPress id).
//  - slug: the last path segment of the link. date: the wall-clock time the date was written
//    in (WordPress writes feeds in UTC, so date == date_gmt), date_gmt: UTC.
//  - is_protected: the content is WordPress's password form (action=postpass).
// Items without a title or content are skipped with a warning naming the item. Throws
// BuildError(origin) for a document that is not a feed, is not well-formed even after repairs
// (line and column given), or holds no items, or no usable ones.
std::vector<Post> read_feed(std::string_view text, const std::string& origin, Diagnostics& diagnostics);

// The published posts of a WordPress export (WXR 1.0-1.2). Only items with wp:post_type
// "post" and wp:status "publish" become posts (pages, drafts, pending, private, scheduled and
// trashed items never do; a note counts what was left out); password-protected ones come
// back with is_protected set. Attachments give the featured images (_thumbnail_id ->
// wp:attachment_url, _wp_attachment_image_alt, the attachment's caption and size) and the
// images of [gallery]. Fields: wp:post_id, wp:post_name (slug), wp:post_date,
// wp:post_date_gmt (when WordPress left it empty, "0000-00-00 00:00:00", the site's offset
// is taken from the other posts), wp:post_modified_gmt, link, guid, title, dc:creator (a login,
// mapped to wp:author_display_name and wp:author_id), category domain="category" and
// "post_tag". content:encoded is raw post_content: forbidden character references removed,
// shortcodes expanded (shortcodes.h), Gutenberg footnotes rebuilt from the "footnotes" meta,
// and wpautop (wpautop.h) applied unless the post is made of Gutenberg blocks, as WordPress
// does. Throws BuildError(origin) when the document is not a WXR export, cannot be parsed, or
// holds no published posts.
std::vector<Post> read_wxr(std::string_view text, const std::string& origin, Diagnostics& diagnostics);

}  // namespace pb::sources
