#include "book/xhtml_writer.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "book/model_builders.h"
#include "book/test_support.h"
#include "book/xml_document.h"

namespace pb::book {
namespace {

using namespace pb::book::test;
using pb::test::Contains;
using pb::test::Lacks;
using pb::test::XmlDocument;

Chapter make_chapter(std::string id, std::string title, Blocks blocks) {
  Chapter chapter;
  chapter.id = std::move(id);
  chapter.title = std::move(title);
  chapter.title_id = "title";
  chapter.author = "Ann Author";
  chapter.date = "2024-04-12";
  chapter.source_url = "https://blog.example.com/part-1/";
  chapter.blocks = std::move(blocks);
  return chapter;
}

Book book_with(Blocks blocks) {
  Book book;
  book.title = "A Book";
  book.language = "en-GB";
  book.chapters.push_back(make_chapter("chapter-01", "First part", std::move(blocks)));
  book.chapters.push_back(make_chapter("chapter-02", "Second part", {h(2, {t("Later")}, "later")}));
  Resource image;
  image.id = "img-001";
  image.path = "/nonexistent/img-001.png";
  image.media_type = "image/png";
  image.extension = "png";
  image.width = 640;
  image.height = 480;
  book.resources.push_back(image);
  return book;
}

// Writes chapter 0 and checks that what comes out parses as XML, whatever the test looks at next.
std::string render(const Book& book, const XhtmlOptions& options = {}, std::size_t chapter = 0) {
  std::string xhtml = write_chapter_xhtml(book, chapter, options);
  EXPECT_TRUE(XmlDocument(xhtml).well_formed()) << xhtml;
  return xhtml;
}

std::string render_blocks(Blocks blocks) {
  return render(book_with(std::move(blocks)));
}

// The body of the section after the header: what the blocks became.
std::string content_of(const std::string& xhtml) {
  const std::size_t start = xhtml.find("</header>\n");
  const std::size_t end = xhtml.rfind("</section>");
  if (start == std::string::npos || end == std::string::npos) return "<no section>";
  return xhtml.substr(start + 10, end - start - 10);
}

TEST(XhtmlWriter, WritesTheDocumentSkeleton) {
  const std::string xhtml = render_blocks({p({t("Hello")})});
  EXPECT_EQ(xhtml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n", 0), 0U) << xhtml;
  EXPECT_TRUE(Contains(xhtml,
                       "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
                       "lang=\"en-GB\" xml:lang=\"en-GB\">"));
  EXPECT_TRUE(Contains(xhtml, "<title>First part</title>"));
  EXPECT_TRUE(Contains(xhtml, "<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>"));
  EXPECT_TRUE(Contains(xhtml,
                       "<section epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"title\">\n<header>"
                       "<h1 id=\"title\">First part</h1>\n"));
  EXPECT_TRUE(Contains(xhtml,
                       "<p class=\"byline\"><span class=\"author\">Ann Author</span> \u00b7 "
                       "<time datetime=\"2024-04-12\">12 April 2024</time> \u00b7 "
                       "<a href=\"https://blog.example.com/part-1/\">Original post</a></p>"));
  EXPECT_EQ(content_of(xhtml), "<p>Hello</p>\n");
  EXPECT_EQ(xhtml.substr(xhtml.size() - 16), "</body>\n</html>\n");
}

TEST(XhtmlWriter, StylesheetHrefComesFromTheOptions) {
  XhtmlOptions options;
  options.stylesheet_href = "css/book.css";
  EXPECT_TRUE(Contains(render(book_with({}), options), "href=\"css/book.css\""));
}

TEST(XhtmlWriter, BylineLeavesOutWhatIsUnknown) {
  Book book = book_with({});
  book.chapters[0].author.clear();
  const std::string no_author = render(book);
  EXPECT_TRUE(Contains(no_author, "<p class=\"byline\"><time datetime=\"2024-04-12\">"));

  book.chapters[0].date = "not a date";
  book.chapters[0].source_url.clear();
  const std::string nothing = render(book);
  EXPECT_TRUE(Lacks(nothing, "byline"));
  EXPECT_TRUE(Lacks(nothing, "<time"));
}

TEST(XhtmlWriter, UntitledChapterGetsANumberAndAHeading) {
  Book book = book_with({});
  book.chapters[1].title.clear();
  book.chapters[1].title_id.clear();
  const std::string xhtml = render(book, {}, 1);
  EXPECT_TRUE(Contains(xhtml, "<title>Chapter 2</title>"));
  EXPECT_TRUE(Contains(xhtml, "aria-labelledby=\"chapter-title\">\n<header><h1 id=\"chapter-title\">Chapter 2</h1>"));
}

TEST(XhtmlWriter, Paragraphs) {
  EXPECT_EQ(content_of(render_blocks({p({t("One")}, "p1"), p({t("Two")})})), "<p id=\"p1\">One</p>\n<p>Two</p>\n");
}

TEST(XhtmlWriter, HeadingsKeepTheirLevelAndIdWithinTwoToSix) {
  EXPECT_EQ(content_of(render_blocks({h(2, {t("Two")}, "a"), h(3, {t("Three")}, "b"), h(4, {t("Four")}, "c"),
                                      h(5, {t("Five")}, "d"), h(6, {t("Six")}, "e"), h(1, {t("One")}, "f"),
                                      h(9, {t("Nine")}, "g")})),
            "<h2 id=\"a\">Two</h2>\n<h3 id=\"b\">Three</h3>\n<h4 id=\"c\">Four</h4>\n<h5 id=\"d\">Five</h5>\n"
            "<h6 id=\"e\">Six</h6>\n<h2 id=\"f\">One</h2>\n<h6 id=\"g\">Nine</h6>\n");
}

TEST(XhtmlWriter, BulletList) {
  List list;
  list.items.push_back({{p({t("one")})}, "item-1"});
  list.items.push_back({{p({t("two")})}, ""});
  EXPECT_EQ(content_of(render_blocks({Block{list}})), "<ul>\n<li id=\"item-1\">one</li>\n<li>two</li>\n</ul>\n");
}

TEST(XhtmlWriter, OrderedListsWriteStartAndMarkerType) {
  const auto ordered = [](int start, ListMarker marker) {
    List list;
    list.ordered = true;
    list.start = start;
    list.marker = marker;
    list.items.push_back({{p({t("x")})}, ""});
    return Block{list};
  };
  EXPECT_EQ(content_of(render_blocks({ordered(1, ListMarker::Decimal)})), "<ol>\n<li>x</li>\n</ol>\n");
  EXPECT_EQ(content_of(render_blocks({ordered(3, ListMarker::Decimal)})), "<ol start=\"3\">\n<li>x</li>\n</ol>\n");
  EXPECT_EQ(content_of(render_blocks({ordered(1, ListMarker::LowerAlpha)})), "<ol type=\"a\">\n<li>x</li>\n</ol>\n");
  EXPECT_EQ(content_of(render_blocks({ordered(1, ListMarker::UpperAlpha)})), "<ol type=\"A\">\n<li>x</li>\n</ol>\n");
  EXPECT_EQ(content_of(render_blocks({ordered(4, ListMarker::LowerRoman)})),
            "<ol start=\"4\" type=\"i\">\n<li>x</li>\n</ol>\n");
  EXPECT_EQ(content_of(render_blocks({ordered(1, ListMarker::UpperRoman)})), "<ol type=\"I\">\n<li>x</li>\n</ol>\n");
}

TEST(XhtmlWriter, ListItemsWithSeveralBlocksKeepTheirParagraphs) {
  List inner;
  inner.items.push_back({{p({t("nested")})}, ""});
  List list;
  list.items.push_back({{p({t("first")}), Block{inner}}, ""});
  list.items.push_back({{p({t("with id")}, "para")}, ""});
  EXPECT_EQ(content_of(render_blocks({Block{list}})),
            "<ul>\n<li>\n<p>first</p>\n<ul>\n<li>nested</li>\n</ul>\n</li>\n"
            "<li>\n<p id=\"para\">with id</p>\n</li>\n</ul>\n");
}

TEST(XhtmlWriter, BlockQuoteWithAndWithoutCitation) {
  EXPECT_EQ(content_of(render_blocks({Block{BlockQuote{{p({t("Quoted")})}, {t("Someone")}}}})),
            "<blockquote>\n<p>Quoted</p>\n<p class=\"citation\">\u2014 <cite>Someone</cite></p>\n</blockquote>\n");
  EXPECT_EQ(content_of(render_blocks({Block{BlockQuote{{p({t("Quoted")})}, {}}}})),
            "<blockquote>\n<p>Quoted</p>\n</blockquote>\n");
}

TEST(XhtmlWriter, FigureWithAnEmbeddedImage) {
  Block block = figure("img-001", "A chart", {t("Sales by "), em({t("year")})});
  std::get<Figure>(block.node).id = "fig-1";
  EXPECT_EQ(content_of(render_blocks({block})),
            "<figure id=\"fig-1\"><img src=\"images/img-001.png\" alt=\"A chart\" width=\"640\" height=\"480\"/>"
            "<figcaption>Sales by <em>year</em></figcaption></figure>\n");
}

TEST(XhtmlWriter, ImageAltIsAlwaysPresentAndHrefComesFromTheOptions) {
  XhtmlOptions options;
  options.resource_href = [](const Resource& resource) { return "media/" + resource.id + ".bin"; };
  Book book = book_with({figure("img-001", "")});
  book.resources[0].width = 0;  // unknown size: no width/height attributes
  EXPECT_EQ(content_of(render(book, options)), "<figure><img src=\"media/img-001.bin\" alt=\"\"/></figure>\n");
}

TEST(XhtmlWriter, MissingImageBecomesAPlaceholder) {
  EXPECT_EQ(content_of(render_blocks({figure("", "A cat on a mat", {t("Caption")}, "HTTP 404")})),
            "<figure class=\"image-missing\"><p class=\"image-alt\">A cat on a mat</p>"
            "<p class=\"image-note\">Image not included: HTTP 404</p><figcaption>Caption</figcaption></figure>\n");
  EXPECT_EQ(content_of(render_blocks({figure("", "")})),
            "<figure class=\"image-missing\"><p class=\"image-alt\">Image</p>"
            "<p class=\"image-note\">Image not included: not downloaded</p></figure>\n");
  // A resource id the book does not hold is not embedded either.
  EXPECT_TRUE(Contains(render_blocks({figure("img-999", "Gone")}), "<figure class=\"image-missing\">"));
}

TEST(XhtmlWriter, Table) {
  Table table;
  table.caption = {t("Results")};
  table.header_rows = 1;
  table.rows.push_back({{TableCell{{p({t("Name")})}, true, 1, 1}, TableCell{{p({t("Score")})}, true, 2, 1}}});
  table.rows.push_back({{TableCell{{p({t("Ann")})}, true, 1, 2}, TableCell{{p({t("1")})}, false, 1, 1},
                         TableCell{{p({t("2")}), p({t("3")})}, false, 1, 1}}});
  table.rows.push_back({{TableCell{{}, false, 1, 1}, TableCell{{p({t("4")})}, false, 1, 1}}});
  EXPECT_EQ(content_of(render_blocks({Block{table}})),
            "<table>\n<caption>Results</caption>\n"
            "<thead>\n<tr><th scope=\"col\">Name</th><th scope=\"col\" colspan=\"2\">Score</th></tr>\n</thead>\n"
            "<tbody>\n<tr><th scope=\"row\" rowspan=\"2\">Ann</th><td>1</td><td>\n<p>2</p>\n<p>3</p>\n</td></tr>\n"
            "<tr><td>\n</td><td>4</td></tr>\n</tbody>\n</table>\n");
}

TEST(XhtmlWriter, TableWithoutHeaderRowsOrCaption) {
  Table table;
  table.header_rows = 5;  // more than there are rows: all of them are header rows
  table.rows.push_back({{TableCell{{p({t("a")})}, false, 1, 1}}});
  EXPECT_EQ(content_of(render_blocks({Block{table}})), "<table>\n<thead>\n<tr><td>a</td></tr>\n</thead>\n</table>\n");
}

TEST(XhtmlWriter, CodeBlockKeepsItsTextExactly) {
  EXPECT_EQ(content_of(render_blocks({Block{CodeBlock{"if (a < b && c > d) {\n  s = \"x\";\n}\n"}}})),
            "<pre><code>if (a &lt; b &amp;&amp; c &gt; d) {\n  s = \"x\";\n}\n</code></pre>\n");
}

TEST(XhtmlWriter, Rule) {
  EXPECT_EQ(content_of(render_blocks({Block{Rule{}}})), "<hr/>\n");
}

TEST(XhtmlWriter, EveryInlineStyle) {
  const std::pair<Style, std::string> styles[] = {
      {Style::Emphasis, "em"},     {Style::Strong, "strong"}, {Style::Code, "code"},   {Style::Subscript, "sub"},
      {Style::Superscript, "sup"}, {Style::Small, "small"},   {Style::Deleted, "del"}, {Style::Inserted, "ins"},
      {Style::Underline, "u"},     {Style::Highlight, "mark"}};
  for (const auto& [style, element] : styles) {
    EXPECT_EQ(content_of(render_blocks({p({t("a"), styled(style, {t("b")}), t("c")})})),
              "<p>a<" + element + ">b</" + element + ">c</p>\n");
  }
  EXPECT_EQ(content_of(render_blocks({p({em({t("x"), styled(Style::Strong, {t("y")})})})})),
            "<p><em>x<strong>y</strong></em></p>\n");
}

TEST(XhtmlWriter, LineBreakAndAnchor) {
  EXPECT_EQ(content_of(render_blocks({p({t("one"), br(), anchor("here"), t("two")})})),
            "<p>one<br/><span id=\"here\"></span>two</p>\n");
}

TEST(XhtmlWriter, EscapesMarkupCharactersInTextAndAttributes) {
  Block block = figure("img-001", "5 > 4 & \"quoted\" <b>");
  const std::string xhtml = render_blocks({p({t("Tom & Jerry <script> \"quoted\" 'single'")}),
                                           p({link("https://example.com/?a=1&b=\"2\"", {t("q")})}), block});
  EXPECT_TRUE(Contains(xhtml, "<p>Tom &amp; Jerry &lt;script&gt; \"quoted\" 'single'</p>"));
  EXPECT_TRUE(Contains(xhtml, "<a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\">q</a>"));
  EXPECT_TRUE(Contains(xhtml, "alt=\"5 &gt; 4 &amp; &quot;quoted&quot; &lt;b&gt;\""));
  EXPECT_TRUE(Lacks(xhtml, "&nbsp;"));
}

TEST(XhtmlWriter, DropsCharactersXmlForbids) {
  std::string forbidden = "a";
  forbidden += '\0';
  forbidden +=
      "b\x0c"
      "c\xef\xbf\xbe"
      "d";  // U+0000, U+000C, U+FFFE
  Book book = book_with({p({t(forbidden)}), Block{CodeBlock{forbidden}}});
  book.chapters[0].title = "Title" + forbidden;
  const std::string xhtml = render(book);
  EXPECT_TRUE(Contains(xhtml, "<p>abcd</p>"));
  EXPECT_TRUE(Contains(xhtml, "<pre><code>abcd</code></pre>"));
  EXPECT_TRUE(Contains(xhtml, "<h1 id=\"title\">Titleabcd</h1>"));
  EXPECT_EQ(xhtml.find('\0'), std::string::npos);
  EXPECT_EQ(xhtml.find('\x0c'), std::string::npos);
  EXPECT_EQ(xhtml.find("\xef\xbf\xbe"), std::string::npos);
  // Non-breaking spaces are characters, never entities.
  EXPECT_TRUE(Contains(render_blocks({p({t("a\u00a0b")})}), "<p>a\u00a0b</p>"));
}

TEST(XhtmlWriter, ExternalLinks) {
  EXPECT_EQ(content_of(render_blocks(
                {p({link("https://example.com/x", {t("site")}), link("mailto:ann@example.com", {t("mail")})})})),
            "<p><a href=\"https://example.com/x\">site</a><a href=\"mailto:ann@example.com\">mail</a></p>\n");
}

TEST(XhtmlWriter, InternalLinks) {
  const std::string xhtml = render_blocks({p({internal_link(1, "later", {t("a")}), internal_link(1, "", {t("b")}),
                                              internal_link(0, "p2", {t("c")}), internal_link(0, "", {t("d")})},
                                             "p2")});
  EXPECT_TRUE(Contains(content_of(xhtml),
                       "<a href=\"chapter-02.xhtml#later\">a</a>"
                       "<a href=\"chapter-02.xhtml\">b</a>"
                       "<a href=\"#p2\">c</a>"
                       "<a href=\"chapter-01.xhtml\">d</a>"));
}

TEST(XhtmlWriter, InternalLinksUseTheChapterHrefOption) {
  XhtmlOptions options;
  options.chapter_href = [](std::size_t chapter) { return "text/part" + std::to_string(chapter) + ".xhtml"; };
  EXPECT_TRUE(Contains(render(book_with({p({internal_link(1, "later", {t("a")})})}), options),
                       "<a href=\"text/part1.xhtml#later\">a</a>"));
}

TEST(XhtmlWriter, LinksThatLeadNowhereKeepOnlyTheirText) {
  EXPECT_EQ(content_of(render_blocks({p({link("", {t("empty")}), internal_link(7, "x", {t("gone")})})})),
            "<p>emptygone</p>\n");
  XhtmlOptions options;
  options.chapter_href = [](std::size_t) { return std::string(); };
  EXPECT_EQ(content_of(render(book_with({p({internal_link(1, "", {t("none")})})}), options)), "<p>none</p>\n");
}

TEST(XhtmlWriter, NestedLinksAreFlattened) {
  EXPECT_EQ(
      content_of(render_blocks({p({link("https://a.example/", {t("x"), link("https://b.example/", {t("y")})})})})),
      "<p><a href=\"https://a.example/\">xy</a></p>\n");
}

TEST(XhtmlWriter, LinksWithoutTextGetAName) {
  EXPECT_EQ(content_of(render_blocks({p({link("https://a.example/", {}), internal_link(1, "", {anchor("z")})})})),
            "<p><a href=\"https://a.example/\">https://a.example/</a>"
            "<a href=\"chapter-02.xhtml\"><span id=\"z\"></span>Second part</a></p>\n");
}

TEST(XhtmlWriter, RepeatedIdsAreWrittenOnce) {
  const std::string xhtml =
      render_blocks({p({t("a")}, "title"), h(2, {t("b")}, "dup"), p({anchor("dup"), t("c")}, ""), p({t("d")}, "")});
  EXPECT_TRUE(Contains(content_of(xhtml), "<p>a</p>\n<h2 id=\"dup\">b</h2>\n<p>c</p>\n"));
  const XmlDocument document(xhtml);
  const std::vector<std::string> ids = document.values("//@id");
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
}

TEST(XhtmlWriter, EverythingTogetherIsWellFormedXhtml) {
  List list;
  list.ordered = true;
  list.marker = ListMarker::LowerRoman;
  list.items.push_back({{p({t("i & ii")}), figure("img-001", "pic")}, "li"});
  Table table;
  table.rows.push_back({{TableCell{{Block{BlockQuote{{p({t("q")})}, {t("c")}}}}, false, 1, 1}}});
  const Book book = book_with(
      {h(2, {t("Start")}, "start"), p({em({t("x")}), br(), anchor("a1"), internal_link(1, "later", {t("l")})}),
       Block{list}, Block{table}, Block{CodeBlock{"<>&\n"}}, Block{Rule{}}, figure("", "missing", {t("cap")})});
  const XmlDocument document(render(book));
  ASSERT_TRUE(document.well_formed());
  EXPECT_EQ(document.value("/h:html/@lang"), "en-GB");
  EXPECT_EQ(document.value("//h:section/@epub:type"), "chapter");
  EXPECT_EQ(document.count("//h:section/h:header/h:h1"), 1U);
  EXPECT_EQ(document.count("//h:img[@alt]"), 1U);
  EXPECT_EQ(document.value("//h:ol/@type"), "i");
  EXPECT_EQ(document.value("//h:pre/h:code"), "<>&\n");
  EXPECT_EQ(document.count("//h:figure[@class='image-missing']/h:figcaption"), 1U);
  EXPECT_EQ(document.count("//h:a[@href='']"), 0U);
}

}  // namespace
}  // namespace pb::book
