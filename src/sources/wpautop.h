// WordPress's automatic paragraphs. Classic-editor posts are stored (and exported in WXR)
// without <p> tags: WordPress adds them when it renders the post, with wpautop(). A reader of
// raw post_content has to do the same, or every post becomes one run-on paragraph.
#pragma once

#include <string>
#include <string_view>

namespace pb::sources {

// wpautop for raw post_content:
//  - text separated by blank lines (or by two <br>s in a row) becomes <p> paragraphs, and a
//    single newline inside a paragraph becomes <br />;
//  - block elements (div, h1-h6, p, ul/ol/li, dl, blockquote, figure, table and its parts, pre,
//    hr, section, form, details...) and Gutenberg block comments ("<!-- wp:... -->") are never
//    wrapped and end the paragraph before them;
//  - at the top level and inside <blockquote> every paragraph is wrapped; inside other
//    containers (div, li, td, figure...) text is wrapped only when it holds several paragraphs,
//    so "<li>item</li>" stays as it is; inside phrasing containers (p, h1-h6, dt, figcaption,
//    caption...) nothing is wrapped and newlines become <br />; inside lists and tables the
//    whitespace between items is left alone;
//  - the contents of <pre>, <script>, <style>, <textarea>, <svg> and <math>, the inside of tags
//    (attribute values) and comments are never changed; newlines inside <select>, <object>,
//    <audio>, <video> and <picture> stay newlines.
// Text that already has its paragraphs comes back with the same structure. Runs in time
// linear in the input.
std::string wpautop(std::string_view content);

// True when the content holds Gutenberg block delimiters ("<!-- wp:name" or "<!-- /wp:name").
// WordPress renders such posts without wpautop: the blocks carry their own markup.
bool has_blocks(std::string_view content);

}  // namespace pb::sources
