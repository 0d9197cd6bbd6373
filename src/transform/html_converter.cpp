#include "transform/html_converter.h"

#include <gumbo.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <utility>

#include "common/text.h"
#include "common/url.h"
#include "common/utf8.h"
#include "transform/embed_link.h"
#include "transform/heading_levels.h"
#include "transform/image_location.h"
#include "transform/image_source.h"
#include "transform/inline_run.h"
#include "transform/nesting_limiter.h"

namespace pb::transform {

namespace {

// Deeper than this, elements are read for their text only: real posts never nest this deep,
// and hostile ones must not exhaust the stack.
constexpr int kMaxDepth = 256;

// ------------------------------------------------------------------ gumbo helpers

const char* attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* found = gumbo_get_attribute(&element.attributes, name);
  return found ? found->value : nullptr;
}

std::string attribute_string(const GumboElement& element, const char* name) {
  const char* value = attribute(element, name);
  return value ? std::string(value) : std::string();
}

// An integer attribute as HTML reads it ("+3" is 3); nullopt when absent or not a number.
std::optional<int> attribute_number(const GumboElement& element, const char* name) {
  const char* value = attribute(element, name);
  if (!value) return std::nullopt;
  std::string_view text = pb::text::trim(value);
  if (text.starts_with("+")) text.remove_prefix(1);
  int number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  return number;
}

int attribute_int(const GumboElement& element, const char* name) {
  return attribute_number(element, name).value_or(0);
}

bool has_class(const GumboElement& element, std::string_view wanted) {
  const char* classes = attribute(element, "class");
  if (!classes) return false;
  const std::string names = pb::text::collapse_whitespace(classes);  // split() views into it: keep it alive
  for (std::string_view name : pb::text::split(names, ' '))
    if (name == wanted) return true;
  return false;
}

// The lower-case tag name, including tags gumbo does not know (<picture>, custom elements).
std::string tag_name(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return pb::text::ascii_lower(std::string_view(piece.data ? piece.data : "", piece.data ? piece.length : 0));
}

const GumboVector& children_of(const GumboNode* node) {
  return node->v.element.children;
}

const GumboNode* child(const GumboVector& children, unsigned i) {
  return static_cast<const GumboNode*>(children.data[i]);
}

bool is_element(const GumboNode* node, GumboTag tag) {
  return (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) && node->v.element.tag == tag;
}

bool is_dropped(const std::string& name);

// All text below node, without recursion (used past kMaxDepth and for <pre>). Elements the
// converter drops (scripts, forms, templates, fallbacks) contribute nothing here either.
std::string text_content(const GumboNode* root, bool line_breaks_as_newlines) {
  std::string out;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      out += node->v.text.text;
    } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      const GumboTag tag = node->v.element.tag;
      if (is_dropped(tag_name(node->v.element))) continue;
      if (tag == GUMBO_TAG_BR) out += line_breaks_as_newlines ? "\n" : " ";
      const GumboVector& children = children_of(node);
      for (unsigned i = children.length; i > 0; --i) stack.push_back(child(children, i - 1));
    }
  }
  return out;
}

const GumboNode* find_descendant(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node != root && is_element(node, tag)) return node;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = children_of(node);
      for (unsigned i = children.length; i > 0; --i) stack.push_back(child(children, i - 1));
    }
  }
  return nullptr;
}

enum class Kind {
  Drop,         // removed with everything inside
  Transparent,  // the element goes, its content stays
  Block,        // a container of blocks (div, section...)
  Paragraph,
  Heading,
  Styled,
  LineBreak,
  Link,
  Image,
  Picture,
  List,
  ListItem,
  BlockQuote,
  Figure,
  Table,
  Preformatted,
  Rule,
  Embed,
  NoScript,
  Term,  // <dt>, <summary>: a bold paragraph
  Quote,
};

struct ElementInfo {
  Kind kind;
  book::Style style = book::Style::Emphasis;
};

ElementInfo classify(const std::string& name) {
  using book::Style;
  static const std::initializer_list<std::pair<std::string_view, ElementInfo>> table = {
      {"script", {Kind::Drop}},
      {"style", {Kind::Drop}},
      {"template", {Kind::Drop}},
      {"head", {Kind::Drop}},
      {"title", {Kind::Drop}},
      {"meta", {Kind::Drop}},
      {"link", {Kind::Drop}},
      {"base", {Kind::Drop}},
      {"form", {Kind::Drop}},
      {"input", {Kind::Drop}},
      {"button", {Kind::Drop}},
      {"select", {Kind::Drop}},
      {"textarea", {Kind::Drop}},
      {"option", {Kind::Drop}},
      {"optgroup", {Kind::Drop}},
      {"datalist", {Kind::Drop}},
      {"output", {Kind::Drop}},
      {"progress", {Kind::Drop}},
      {"meter", {Kind::Drop}},
      {"keygen", {Kind::Drop}},
      {"canvas", {Kind::Drop}},
      {"map", {Kind::Drop}},
      {"area", {Kind::Drop}},
      {"svg", {Kind::Drop}},
      {"param", {Kind::Drop}},
      {"track", {Kind::Drop}},
      {"source", {Kind::Drop}},
      {"frame", {Kind::Drop}},
      {"frameset", {Kind::Drop}},
      {"noframes", {Kind::Drop}},
      {"applet", {Kind::Drop}},
      {"dialog", {Kind::Drop}},
      {"wbr", {Kind::Drop}},
      {"col", {Kind::Drop}},
      {"colgroup", {Kind::Drop}},
      {"rp", {Kind::Drop}},
      {"p", {Kind::Paragraph}},
      {"h1", {Kind::Heading}},
      {"h2", {Kind::Heading}},
      {"h3", {Kind::Heading}},
      {"h4", {Kind::Heading}},
      {"h5", {Kind::Heading}},
      {"h6", {Kind::Heading}},
      {"div", {Kind::Block}},
      {"section", {Kind::Block}},
      {"article", {Kind::Block}},
      {"header", {Kind::Block}},
      {"footer", {Kind::Block}},
      {"main", {Kind::Block}},
      {"aside", {Kind::Block}},
      {"nav", {Kind::Block}},
      {"address", {Kind::Block}},
      {"center", {Kind::Block}},
      {"hgroup", {Kind::Block}},
      {"fieldset", {Kind::Block}},
      {"details", {Kind::Block}},
      {"dl", {Kind::Block}},
      {"dd", {Kind::Block}},
      {"figcaption", {Kind::Paragraph}},
      {"caption", {Kind::Paragraph}},
      {"legend", {Kind::Paragraph}},
      {"body", {Kind::Block}},
      {"html", {Kind::Block}},
      {"dt", {Kind::Term}},
      {"summary", {Kind::Term}},
      {"em", {Kind::Styled, Style::Emphasis}},
      {"i", {Kind::Styled, Style::Emphasis}},
      {"cite", {Kind::Styled, Style::Emphasis}},
      {"dfn", {Kind::Styled, Style::Emphasis}},
      {"var", {Kind::Styled, Style::Emphasis}},
      {"strong", {Kind::Styled, Style::Strong}},
      {"b", {Kind::Styled, Style::Strong}},
      {"code", {Kind::Styled, Style::Code}},
      {"kbd", {Kind::Styled, Style::Code}},
      {"samp", {Kind::Styled, Style::Code}},
      {"tt", {Kind::Styled, Style::Code}},
      {"sub", {Kind::Styled, Style::Subscript}},
      {"sup", {Kind::Styled, Style::Superscript}},
      {"small", {Kind::Styled, Style::Small}},
      {"del", {Kind::Styled, Style::Deleted}},
      {"s", {Kind::Styled, Style::Deleted}},
      {"strike", {Kind::Styled, Style::Deleted}},
      {"ins", {Kind::Styled, Style::Inserted}},
      {"u", {Kind::Styled, Style::Underline}},
      {"mark", {Kind::Styled, Style::Highlight}},
      {"br", {Kind::LineBreak}},
      {"a", {Kind::Link}},
      {"img", {Kind::Image}},
      {"picture", {Kind::Picture}},
      {"ul", {Kind::List}},
      {"ol", {Kind::List}},
      {"menu", {Kind::List}},
      {"li", {Kind::ListItem}},
      {"blockquote", {Kind::BlockQuote}},
      {"figure", {Kind::Figure}},
      {"table", {Kind::Table}},
      {"pre", {Kind::Preformatted}},
      {"listing", {Kind::Preformatted}},
      {"xmp", {Kind::Preformatted}},
      {"hr", {Kind::Rule}},
      {"iframe", {Kind::Embed}},
      {"embed", {Kind::Embed}},
      {"object", {Kind::Embed}},
      {"video", {Kind::Embed}},
      {"audio", {Kind::Embed}},
      {"noscript", {Kind::NoScript}},
      {"q", {Kind::Quote}},
  };
  for (const auto& [tag, info] : table)
    if (tag == name) return info;
  return {Kind::Transparent};
}

bool is_dropped(const std::string& name) {
  const Kind kind = classify(name).kind;
  return kind == Kind::Drop || kind == Kind::NoScript || kind == Kind::Embed;
}

std::string clean_text_attribute(std::string_view value) {
  const std::string spaced = pb::text::replace_all(utf8::sanitize_for_xml(value), "\xC2\xA0", " ");
  return std::string(pb::text::trim(pb::text::collapse_whitespace(spaced)));
}

// ------------------------------------------------------------------ the converter

class HtmlConverter {
 public:
  HtmlConverter(const ConversionInput& input, IdRegistry& ids, Diagnostics& diagnostics)
      : input_(input), ids_(ids), diagnostics_(diagnostics), blocks_(&output_) {}

  book::Blocks convert(const GumboNode* root) {
    visit_children(root, 0);
    flush();
    return std::move(output_);
  }

 private:
  // Where the last image went, so a <noscript> copy right after it can replace a placeholder.
  struct LastFigure {
    book::Blocks* container = nullptr;
    std::size_t index = 0;
    bool placeholder = false;
  };

  // ---------------------------------------------------------------- flow

  void flush() {
    book::Inlines content = run_.take();
    if (!has_visible_text(content)) return;
    if (heading_level_ > 0) {
      book::Heading heading{heading_level_, std::move(content), std::exchange(heading_id_, "")};
      prepend_pending_anchors(heading.content);
      push(book::Block{std::move(heading)});
    } else {
      book::Paragraph paragraph{std::move(content), ""};
      if (!pending_anchors_.empty()) {
        paragraph.id = pending_anchors_.front();
        pending_anchors_.erase(pending_anchors_.begin());
      }
      prepend_pending_anchors(paragraph.content);
      push(book::Block{std::move(paragraph)});
    }
  }

  void prepend_pending_anchors(book::Inlines& content) {
    for (auto it = pending_anchors_.rbegin(); it != pending_anchors_.rend(); ++it)
      content.insert(content.begin(), book::Inline{book::Anchor{*it}});
    pending_anchors_.clear();
  }

  void push(book::Block block) {
    blocks_->push_back(std::move(block));
    last_figure_ = {};
  }

  void emit(book::Block block) {
    flush();
    push(std::move(block));
  }

  // Runs body with blocks going into target and a fresh inline run that keeps the open
  // formatting of the surrounding text.
  template <typename Body>
  void in_container(book::Blocks& target, Body&& body) {
    book::Blocks* saved_blocks = blocks_;
    InlineRun saved_run = std::move(run_);
    const int saved_level = heading_level_;
    std::string saved_heading_id = std::move(heading_id_);
    blocks_ = &target;
    run_ = saved_run.clone_open_elements();
    heading_level_ = 0;
    last_figure_ = {};
    body();
    flush();
    blocks_ = saved_blocks;
    run_ = std::move(saved_run);
    heading_level_ = saved_level;
    heading_id_ = std::move(saved_heading_id);
    last_figure_ = {};
  }

  // The inline content of an element (a caption, a citation). Blocks found inside it are
  // returned in lifted so the caller can place them after its own block.
  book::Inlines capture_inlines(const GumboNode* node, int depth, book::Blocks& lifted) {
    book::Blocks scratch;
    in_container(scratch, [&] { visit_children(node, depth + 1); });
    book::Inlines joined;
    for (book::Block& block : scratch) {
      book::Inlines* content = nullptr;
      if (auto* paragraph = std::get_if<book::Paragraph>(&block.node)) content = &paragraph->content;
      if (auto* heading = std::get_if<book::Heading>(&block.node)) content = &heading->content;
      if (!content) {
        lifted.push_back(std::move(block));
        continue;
      }
      if (!joined.empty()) joined.push_back(book::Inline{book::Text{" "}});
      std::move(content->begin(), content->end(), std::back_inserter(joined));
    }
    return joined;
  }

  void warn_once(const std::string& message) {
    if (warned_.insert(message).second) diagnostics_.warn(input_.origin, message);
  }

  void note_anchor(const char* original) {
    if (!original) return;
    const std::string id = ids_.keep(original);
    if (id.empty()) return;
    if (!run_.blank())
      run_.anchor(id);
    else
      pending_anchors_.push_back(id);
  }

  // ---------------------------------------------------------------- walk

  void visit_children(const GumboNode* node, int depth) {
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) visit(child(children, i), depth);
  }

  void visit(const GumboNode* node, int depth) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        run_.text(utf8::sanitize_for_xml(node->v.text.text));
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (depth > kMaxDepth)
          run_.text(utf8::sanitize_for_xml(text_content(node, false)));
        else
          element(node, depth + 1);
        break;
      case GUMBO_NODE_DOCUMENT:
      case GUMBO_NODE_COMMENT:
        break;
    }
  }

  void element(const GumboNode* node, int depth) {
    const GumboElement& e = node->v.element;
    const std::string name = tag_name(e);
    const ElementInfo info = classify(name);
    if (info.kind == Kind::Drop) {
      if (name == "svg" || name == "canvas")
        warn_once("an inline <" + name + "> drawing was left out: books cannot carry it");
      return;
    }
    if (info.kind != Kind::Heading && info.kind != Kind::ListItem && info.kind != Kind::Figure)
      note_anchor(attribute(e, "id"));
    switch (info.kind) {
      case Kind::Drop:
        break;
      case Kind::Transparent:
        visit_children(node, depth);
        break;
      case Kind::Block:
        block_container(node, depth);
        break;
      case Kind::Paragraph:
        flush();
        visit_children(node, depth);
        flush();
        break;
      case Kind::Term:
        flush();
        run_.push_style(book::Style::Strong);
        visit_children(node, depth);
        run_.pop();
        flush();
        break;
      case Kind::Heading:
        heading(node, depth, name[1] - '0');
        break;
      case Kind::Styled:
        run_.push_style(info.style);
        visit_children(node, depth);
        run_.pop();
        break;
      case Kind::LineBreak:
        run_.line_break();
        break;
      case Kind::Link:
        link(node, depth);
        break;
      case Kind::Image:
        image(e, {});
        break;
      case Kind::Picture:
        picture(node);
        break;
      case Kind::List:
        list(node, depth, name == "ol");
        break;
      case Kind::ListItem:  // an <li> outside any list: its content, as blocks
        block_container(node, depth);
        break;
      case Kind::BlockQuote:
        blockquote(node, depth);
        break;
      case Kind::Figure:
        figure(node, depth, nullptr);
        break;
      case Kind::Table:
        table(node, depth);
        break;
      case Kind::Preformatted:
        preformatted(node);
        break;
      case Kind::Rule:
        emit(book::Block{book::Rule{}});
        break;
      case Kind::Embed:
        embed(node, name);
        break;
      case Kind::NoScript:
        noscript(node, depth);
        break;
      case Kind::Quote:
        run_.verbatim("\xE2\x80\x9C");  // “
        visit_children(node, depth);
        run_.verbatim("\xE2\x80\x9D");  // ”
        break;
    }
  }

  void block_container(const GumboNode* node, int depth) {
    const GumboElement& e = node->v.element;
    if (has_class(e, "wp-caption")) {  // classic editor captions without HTML5 theme support
      figure(node, depth, "wp-caption-text");
      return;
    }
    if (has_class(e, "wp-block-embed__wrapper")) {
      const std::string content(pb::text::trim(text_content(node, false)));
      if (url::is_fetchable(content) && content.find(' ') == std::string::npos) {
        embed_paragraph(content, "", "iframe");
        return;
      }
    }
    flush();
    visit_children(node, depth);
    flush();
  }

  void heading(const GumboNode* node, int depth, int level) {
    flush();
    const int saved_level = heading_level_;
    heading_level_ = std::clamp(level, 1, 6);
    if (const char* id = attribute(node->v.element, "id")) heading_id_ = ids_.keep(id);
    visit_children(node, depth);
    flush();
    heading_level_ = saved_level;
    heading_id_.clear();
  }

  std::optional<book::LinkTarget> link_target(std::string_view href) {
    href = pb::text::trim(href);
    if (href.empty()) return std::nullopt;
    if (href.front() == '#') {
      if (href.size() == 1) return std::nullopt;
      book::LinkTarget target;
      target.chapter = input_.chapter;
      target.anchor = url::percent_decode(href.substr(1));
      return target;
    }
    const std::optional<std::string> absolute = url::resolve(input_.base_url, href);
    if (!absolute || !url::is_linkable(*absolute)) return std::nullopt;
    if (input_.links)
      if (const std::optional<std::size_t> chapter = input_.links->find(*absolute)) {
        book::LinkTarget target;
        target.chapter = *chapter;
        if (const auto parts = url::parse(*absolute)) target.anchor = url::percent_decode(parts->fragment);
        return target;
      }
    book::LinkTarget target;
    target.url = utf8::sanitize_for_xml(*absolute);
    return target;
  }

  void link(const GumboNode* node, int depth) {
    const GumboElement& e = node->v.element;
    note_anchor(attribute(e, "name"));
    const char* href = attribute(e, "href");
    std::optional<book::LinkTarget> target = href ? link_target(href) : std::nullopt;
    if (!target) {
      visit_children(node, depth);
      return;
    }
    run_.push_link(std::move(*target));
    visit_children(node, depth);
    run_.pop();
  }

  // ---------------------------------------------------------------- images

  ImageAttributes read_image_attributes(const GumboElement& e) {
    ImageAttributes image;
    image.src = attribute_string(e, "src");
    image.srcset = attribute_string(e, "srcset");
    image.data_src = attribute_string(e, "data-src");
    image.data_srcset = attribute_string(e, "data-srcset");
    image.data_lazy_src = attribute_string(e, "data-lazy-src");
    image.data_lazy_srcset = attribute_string(e, "data-lazy-srcset");
    image.data_lazy_original = attribute_string(e, "data-lazy-original");
    image.data_original = attribute_string(e, "data-original");
    image.data_orig_file = attribute_string(e, "data-orig-file");
    image.width = attribute_int(e, "width");
    image.height = attribute_int(e, "height");
    return image;
  }

  bool is_emoji(const GumboElement& e, const ImageAttributes& image) {
    return has_class(e, "wp-smiley") || has_class(e, "emoji") ||
           image.src.find("/images/core/emoji/") != std::string::npos;
  }

  void image(const GumboElement& e, const std::vector<ImageAttributes::PictureSource>& picture_sources) {
    ImageAttributes attributes = read_image_attributes(e);
    attributes.picture_sources = picture_sources;
    const std::string alt = clean_text_attribute(attribute_string(e, "alt"));
    if (is_emoji(e, attributes)) {
      run_.text(alt);
      return;
    }
    if (attributes.width == 1 && attributes.height == 1) return;  // tracking pixel
    const std::optional<ChosenSource> chosen = choose_image_source(attributes, input_.max_image_width);
    if (!chosen) return;
    book::ImageRef ref;
    ref.alt = alt;
    ref.width = std::max(attributes.width, 0);
    ref.height = std::max(attributes.height, 0);
    if (chosen->placeholder)
      ref.failure = "the post only holds a lazy-loading placeholder";
    else
      locate_image(chosen->url, ImageBase{input_.base_url, input_.base_dir, input_.max_image_width}, ref);
    book::Figure figure{std::move(ref), {}, ""};
    if (!pending_anchors_.empty()) {
      figure.id = pending_anchors_.front();
      pending_anchors_.erase(pending_anchors_.begin());
    }
    emit(book::Block{std::move(figure)});
    last_figure_ = {blocks_, blocks_->size() - 1, chosen->placeholder};
  }

  void picture(const GumboNode* node) {
    std::vector<ImageAttributes::PictureSource> sources;
    const GumboNode* img = nullptr;
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* item = child(children, i);
      if (is_element(item, GUMBO_TAG_SOURCE))
        sources.push_back({attribute_string(item->v.element, "srcset"), attribute_string(item->v.element, "type")});
      if (is_element(item, GUMBO_TAG_IMG) && !img) img = item;
    }
    if (img) image(img->v.element, sources);
  }

  void noscript(const GumboNode* node, int depth) {
    const GumboNode* img = find_descendant(node, GUMBO_TAG_IMG);
    if (!img) return;  // "please enable JavaScript" and the like
    const bool follows_figure =
        last_figure_.container == blocks_ && blocks_ && last_figure_.index < blocks_->size() && run_.blank();
    if (follows_figure) {
      if (!last_figure_.placeholder) return;  // the lazy-loaded copy was real: this one repeats it
      blocks_->erase(blocks_->begin() + static_cast<std::ptrdiff_t>(last_figure_.index));
      last_figure_ = {};
    }
    visit_children(node, depth);
  }

  // ---------------------------------------------------------------- lists, quotes, figures, tables

  static book::ListMarker marker_of(std::string_view type) {
    if (type == "a") return book::ListMarker::LowerAlpha;
    if (type == "A") return book::ListMarker::UpperAlpha;
    if (type == "i") return book::ListMarker::LowerRoman;
    if (type == "I") return book::ListMarker::UpperRoman;
    return book::ListMarker::Decimal;
  }

  void list(const GumboNode* node, int depth, bool ordered) {
    flush();
    const GumboElement& e = node->v.element;
    book::List list;
    list.ordered = ordered;
    if (ordered) {
      list.marker = marker_of(attribute_string(e, "type"));
      if (const std::optional<int> start = attribute_number(e, "start"))
        list.start = std::clamp(*start, -1000000, 1000000);
    }
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* item = child(children, i);
      if (is_element(item, GUMBO_TAG_LI)) {
        book::ListItem entry;
        if (const char* id = attribute(item->v.element, "id")) entry.id = ids_.keep(id);
        in_container(entry.blocks, [&] { visit_children(item, depth + 1); });
        if (!entry.blocks.empty() || !entry.id.empty()) list.items.push_back(std::move(entry));
        continue;
      }
      if ((item->type == GUMBO_NODE_TEXT && pb::text::is_blank(item->v.text.text)) ||
          item->type == GUMBO_NODE_WHITESPACE || item->type == GUMBO_NODE_COMMENT)
        continue;
      // Stray content between items (a nested <ul> written directly in a <ul>): it belongs
      // to the item before it.
      if (list.items.empty()) list.items.emplace_back();
      in_container(list.items.back().blocks, [&] { visit(item, depth + 1); });
    }
    std::erase_if(list.items, [](const book::ListItem& entry) { return entry.blocks.empty() && entry.id.empty(); });
    if (!list.items.empty()) emit(book::Block{std::move(list)});
  }

  void blockquote(const GumboNode* node, int depth) {
    flush();
    book::BlockQuote quote;
    book::Blocks lifted;
    in_container(quote.blocks, [&] {
      const GumboVector& children = children_of(node);
      for (unsigned i = 0; i < children.length; ++i) {
        const GumboNode* item = child(children, i);
        const bool citation = is_element(item, GUMBO_TAG_CITE) || is_element(item, GUMBO_TAG_FOOTER);
        if (citation && quote.citation.empty()) {
          flush();
          quote.citation = capture_inlines(item, depth, lifted);
        } else {
          visit(item, depth);
        }
      }
    });
    if (!quote.blocks.empty() || !quote.citation.empty()) emit(book::Block{std::move(quote)});
    for (book::Block& block : lifted) emit(std::move(block));
  }

  // <figure> (and classic-editor caption divs, whose caption is a <p class=caption_class>):
  // the caption goes to the one image or table inside, else it follows as a paragraph.
  void figure(const GumboNode* node, int depth, const char* caption_class) {
    flush();
    std::string pending_id;
    if (const char* id = attribute(node->v.element, "id")) pending_id = ids_.keep(id);
    const GumboNode* caption_node = nullptr;
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length && !caption_node; ++i) {
      const GumboNode* item = child(children, i);
      const bool is_caption = caption_class
                                  ? (item->type == GUMBO_NODE_ELEMENT && has_class(item->v.element, caption_class))
                                  : is_element(item, GUMBO_TAG_FIGCAPTION);
      if (is_caption) caption_node = item;
    }
    book::Blocks inner;
    in_container(inner, [&] {
      for (unsigned i = 0; i < children.length; ++i)
        if (child(children, i) != caption_node) visit(child(children, i), depth);
    });
    book::Blocks lifted;
    book::Inlines caption = caption_node ? capture_inlines(caption_node, depth, lifted) : book::Inlines{};
    book::Inlines* caption_slot = nullptr;
    std::string* id_slot = nullptr;
    std::size_t captionable = 0;
    for (book::Block& block : inner) {
      if (auto* figure_block = std::get_if<book::Figure>(&block.node)) {
        ++captionable;
        caption_slot = &figure_block->caption;
        id_slot = &figure_block->id;
      } else if (auto* table_block = std::get_if<book::Table>(&block.node)) {
        ++captionable;
        caption_slot = &table_block->caption;
        id_slot = nullptr;
      }
    }
    if (captionable == 1) {
      if (caption_slot->empty()) *caption_slot = std::move(caption);
      if (id_slot && id_slot->empty()) *id_slot = pending_id, pending_id.clear();
    }
    if (!pending_id.empty()) pending_anchors_.push_back(pending_id);
    for (book::Block& block : inner) emit(std::move(block));
    if (!caption.empty() && has_visible_text(caption)) emit(book::Block{book::Paragraph{std::move(caption), ""}});
    for (book::Block& block : lifted) emit(std::move(block));
  }

  void table_rows(const GumboNode* section, int depth, book::Table& table, bool header_section) {
    const GumboVector& rows = children_of(section);
    for (unsigned r = 0; r < rows.length; ++r) {
      const GumboNode* row = child(rows, r);
      if (!is_element(row, GUMBO_TAG_TR)) continue;
      book::TableRow out_row;
      const GumboVector& cells = children_of(row);
      for (unsigned c = 0; c < cells.length; ++c) {
        const GumboNode* cell = child(cells, c);
        if (!is_element(cell, GUMBO_TAG_TD) && !is_element(cell, GUMBO_TAG_TH)) continue;
        book::TableCell out_cell;
        out_cell.header = is_element(cell, GUMBO_TAG_TH);
        out_cell.column_span = std::clamp(attribute_int(cell->v.element, "colspan"), 1, 1000);
        out_cell.row_span = std::clamp(attribute_int(cell->v.element, "rowspan"), 1, 65534);
        note_anchor(attribute(cell->v.element, "id"));
        in_container(out_cell.blocks, [&] { visit_children(cell, depth + 1); });
        out_row.cells.push_back(std::move(out_cell));
      }
      if (out_row.cells.empty()) continue;
      table.rows.push_back(std::move(out_row));
      if (header_section && table.header_rows + 1 == table.rows.size()) ++table.header_rows;
    }
  }

  void table(const GumboNode* node, int depth) {
    flush();
    book::Table table;
    book::Blocks lifted;
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* item = child(children, i);
      if (is_element(item, GUMBO_TAG_CAPTION))
        table.caption = capture_inlines(item, depth, lifted);
      else if (is_element(item, GUMBO_TAG_THEAD))
        table_rows(item, depth, table, true);
      else if (is_element(item, GUMBO_TAG_TBODY) || is_element(item, GUMBO_TAG_TFOOT))
        table_rows(item, depth, table, false);
    }
    const bool has_content = std::any_of(table.rows.begin(), table.rows.end(), [](const book::TableRow& row) {
      return std::any_of(row.cells.begin(), row.cells.end(),
                         [](const book::TableCell& cell) { return !cell.blocks.empty(); });
    });
    if (has_content) emit(book::Block{std::move(table)});
    for (book::Block& block : lifted) emit(std::move(block));
  }

  void preformatted(const GumboNode* node) {
    std::string code = utf8::sanitize_for_xml(text_content(node, true));
    while (!code.empty() && (code.back() == '\n' || code.back() == ' ' || code.back() == '\t' || code.back() == '\r'))
      code.pop_back();
    if (pb::text::is_blank(code)) return;
    emit(book::Block{book::CodeBlock{std::move(code)}});
  }

  // ---------------------------------------------------------------- embeds

  void embed_paragraph(std::string_view absolute_src, std::string_view title, std::string_view kind) {
    const std::optional<EmbedLink> embedded = embed_link(absolute_src, title, kind);
    if (!embedded) return;
    book::LinkTarget target;
    target.url = utf8::sanitize_for_xml(embedded->url);
    book::Inlines label = {book::Inline{book::Text{utf8::sanitize_for_xml(embedded->label)}}};
    emit(book::Block{book::Paragraph{{book::Inline{book::Link{std::move(target), std::move(label)}}}, ""}});
  }

  void embed(const GumboNode* node, const std::string& name) {
    const GumboElement& e = node->v.element;
    std::string src = attribute_string(e, name == "object" ? "data" : "src");
    if (src.empty() && (name == "video" || name == "audio")) {
      const GumboVector& children = children_of(node);
      for (unsigned i = 0; i < children.length && src.empty(); ++i)
        if (is_element(child(children, i), GUMBO_TAG_SOURCE))
          src = attribute_string(child(children, i)->v.element, "src");
    }
    if (src.empty()) return;
    const std::optional<std::string> absolute = url::resolve(input_.base_url, src);
    if (!absolute || !url::is_fetchable(*absolute)) return;
    const std::string kind = name == "iframe" || name == "embed" ? "iframe" : name;
    embed_paragraph(*absolute, clean_text_attribute(attribute_string(e, "title")), kind);
  }

  const ConversionInput& input_;
  IdRegistry& ids_;
  Diagnostics& diagnostics_;
  book::Blocks output_;
  book::Blocks* blocks_;
  InlineRun run_;
  int heading_level_ = 0;
  std::string heading_id_;
  std::vector<std::string> pending_anchors_;
  LastFigure last_figure_;
  std::set<std::string> warned_;
};

}  // namespace

book::Blocks convert_html(const ConversionInput& input, IdRegistry& ids, Diagnostics& diagnostics) {
  const std::string html = limit_nesting(utf8::sanitize_for_xml(input.html));
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_DIV;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  book::Blocks blocks;
  try {
    blocks = HtmlConverter(input, ids, diagnostics).convert(output->root);
  } catch (...) {
    gumbo_destroy_output(&options, output);
    throw;
  }
  gumbo_destroy_output(&options, output);
  drop_repeated_title(blocks, input.chapter_title);
  normalise_heading_levels(blocks);
  unwrap_bold_headings(blocks);
  assign_heading_ids(blocks, ids);
  return blocks;
}

}  // namespace pb::transform
