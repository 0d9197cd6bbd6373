#include "epub/documents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "book/test_support.h"
#include "book/xml_document.h"
#include "epub/layout.h"
#include "epub/sample_book.h"

namespace pb::epub {
namespace {

using pb::test::Contains;
using pb::test::Lacks;
using pb::test::XmlDocument;
using test::sample_book;
using test::ScratchFolder;

std::string meta(const XmlDocument& opf, const std::string& property) {
  return opf.value("/opf:package/opf:metadata/opf:meta[@property='" + property + "']");
}
std::vector<std::string> metas(const XmlDocument& opf, const std::string& property) {
  return opf.values("/opf:package/opf:metadata/opf:meta[@property='" + property + "']");
}

class DocumentsTest : public ::testing::Test {
 protected:
  ScratchFolder folder;
  book::Book book = sample_book(folder);
};

TEST_F(DocumentsTest, ContainerPointsAtThePackageDocument) {
  const XmlDocument container(container_document());
  ASSERT_TRUE(container.well_formed());
  EXPECT_EQ(container.value("//c:rootfile/@full-path"), "EPUB/content.opf");
  EXPECT_EQ(container.value("//c:rootfile/@media-type"), "application/oebps-package+xml");
}

TEST_F(DocumentsTest, PackageMetadata) {
  const Layout layout = plan_layout(book);
  const std::string text = package_document(book, layout);
  const XmlDocument opf(text);
  ASSERT_TRUE(opf.well_formed()) << text;
  EXPECT_EQ(opf.value("/opf:package/@version"), "3.0");
  EXPECT_EQ(opf.value("/opf:package/@unique-identifier"), "bookid");
  EXPECT_EQ(opf.value("//dc:identifier[@id='bookid']"), book.identifier);
  EXPECT_EQ(opf.count("//dc:identifier"), 1U);
  EXPECT_EQ(opf.value("//dc:title"), "What Am I Missing");
  EXPECT_EQ(opf.values("//dc:creator"), (std::vector<std::string>{"Ann Author", "Bob Writer"}));
  EXPECT_EQ(opf.value("//dc:creator[1]/@id"), "creator1");
  EXPECT_EQ(opf.value("//opf:meta[@refines='#creator2' and @property='role' and @scheme='marc:relators']"), "aut");
  EXPECT_EQ(opf.value("//dc:language"), "en");
  EXPECT_EQ(opf.value("//dc:date"), "2024-04-12");
  EXPECT_EQ(opf.value("//dc:publisher"), "blog.example.com");
  EXPECT_EQ(opf.value("//dc:source"), "https://blog.example.com/");
  EXPECT_EQ(opf.value("//dc:description"), "Two posts & a picture.");
  EXPECT_EQ(opf.values("//dc:subject"), (std::vector<std::string>{"Essays", "Software"}));
  EXPECT_EQ(metas(opf, "dcterms:modified"), std::vector<std::string>{"2024-05-01T10:20:30Z"});
  EXPECT_EQ(opf.value("//opf:meta[@name='cover']/@content"), "cover-image");
}

TEST_F(DocumentsTest, ExactlyOneModifiedDateInPackageText) {
  const std::string text = package_document(book, plan_layout(book));
  const std::size_t first = text.find("dcterms:modified");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(text.find("dcterms:modified", first + 1), std::string::npos);
}

TEST_F(DocumentsTest, SeriesInBothForms) {
  const XmlDocument opf(package_document(book, plan_layout(book)));
  EXPECT_EQ(opf.value("//opf:meta[@property='belongs-to-collection']/@id"), "series");
  EXPECT_EQ(meta(opf, "belongs-to-collection"), "Missing Things");
  EXPECT_EQ(opf.value("//opf:meta[@refines='#series' and @property='collection-type']"), "series");
  EXPECT_EQ(opf.value("//opf:meta[@refines='#series' and @property='group-position']"), "2");
  EXPECT_EQ(opf.value("//opf:meta[@refines='#series' and @property='dcterms:identifier']"),
            "urn:uuid:11111111-2222-5333-8444-555555555555");
  EXPECT_EQ(opf.value("//opf:meta[@name='calibre:series']/@content"), "Missing Things");
  EXPECT_EQ(opf.value("//opf:meta[@name='calibre:series_index']/@content"), "2");
}

TEST_F(DocumentsTest, NoSeriesNoSeriesMetadata) {
  book.series.reset();
  const std::string text = package_document(book, plan_layout(book));
  EXPECT_TRUE(Lacks(text, "belongs-to-collection"));
  EXPECT_TRUE(Lacks(text, "calibre:series"));
  EXPECT_TRUE(Lacks(text, "#series"));
}

TEST_F(DocumentsTest, AccessibilityWhenEveryImageHasAlt) {
  const XmlDocument opf(package_document(book, plan_layout(book)));
  EXPECT_EQ(metas(opf, "schema:accessMode"), (std::vector<std::string>{"textual", "visual"}));
  EXPECT_EQ(metas(opf, "schema:accessModeSufficient"), (std::vector<std::string>{"textual", "textual,visual"}));
  EXPECT_EQ(metas(opf, "schema:accessibilityFeature"),
            (std::vector<std::string>{"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText"}));
  EXPECT_EQ(metas(opf, "schema:accessibilityHazard"), std::vector<std::string>{"none"});
  EXPECT_TRUE(Contains(meta(opf, "schema:accessibilitySummary"), "Every image has a text alternative."));
  EXPECT_TRUE(Contains(meta(opf, "schema:accessibilitySummary"), "could not be included"));
}

TEST_F(DocumentsTest, AccessibilityWhenAnImageLacksAlt) {
  std::get<book::Figure>(book.chapters[0].blocks[2].node).image.alt = " ";
  const XmlDocument opf(package_document(book, plan_layout(book)));
  EXPECT_EQ(metas(opf, "schema:accessModeSufficient"), std::vector<std::string>{"textual,visual"});
  const std::vector<std::string> features = metas(opf, "schema:accessibilityFeature");
  EXPECT_EQ(std::count(features.begin(), features.end(), "alternativeText"), 0);
  EXPECT_TRUE(Contains(meta(opf, "schema:accessibilitySummary"), "Some images have no text alternative."));
}

TEST_F(DocumentsTest, AccessibilityOfATextOnlyBook) {
  book.chapters[0].blocks.erase(book.chapters[0].blocks.begin() + 2);
  book.chapters[1].blocks.erase(book.chapters[1].blocks.begin() + 1);
  book.cover = {};
  const XmlDocument opf(package_document(book, plan_layout(book)));
  EXPECT_EQ(metas(opf, "schema:accessMode"), std::vector<std::string>{"textual"});
  EXPECT_EQ(metas(opf, "schema:accessModeSufficient"), std::vector<std::string>{"textual"});
  EXPECT_EQ(metas(opf, "schema:accessibilityFeature"),
            (std::vector<std::string>{"structuralNavigation", "tableOfContents", "readingOrder"}));
  EXPECT_EQ(opf.count("//opf:meta[@name='cover']"), 0U);
}

TEST_F(DocumentsTest, ManifestAndSpine) {
  const Layout layout = plan_layout(book);
  const XmlDocument opf(package_document(book, layout));
  EXPECT_EQ(
      opf.values("//opf:manifest/opf:item/@href"),
      (std::vector<std::string>{"nav.xhtml", "toc.ncx", "style.css", "cover.xhtml", "title.xhtml", "chapter-01.xhtml",
                                "chapter-02.xhtml", "images/img-001.png", "images/cover.png"}));
  EXPECT_EQ(opf.values("//opf:item[@properties='nav']/@href"), std::vector<std::string>{"nav.xhtml"});
  EXPECT_EQ(opf.value("//opf:item[@href='toc.ncx']/@media-type"), "application/x-dtbncx+xml");
  EXPECT_EQ(opf.value("//opf:item[@href='style.css']/@media-type"), "text/css");
  EXPECT_EQ(opf.value("//opf:item[@href='chapter-01.xhtml']/@media-type"), "application/xhtml+xml");
  EXPECT_EQ(opf.value("//opf:item[@href='images/img-001.png']/@media-type"), "image/png");
  EXPECT_EQ(opf.value("//opf:item[@properties='cover-image']/@id"), "cover-image");
  EXPECT_EQ(opf.value("//opf:item[@properties='cover-image']/@href"), "images/cover.png");
  EXPECT_EQ(opf.value("//opf:spine/@toc"), opf.value("//opf:item[@href='toc.ncx']/@id"));
  std::vector<std::string> spine_hrefs;
  for (const std::string& idref : opf.values("//opf:spine/opf:itemref/@idref"))
    spine_hrefs.push_back(opf.value("//opf:item[@id='" + idref + "']/@href"));
  EXPECT_EQ(spine_hrefs, (std::vector<std::string>{"cover.xhtml", "title.xhtml", "nav.xhtml", "chapter-01.xhtml",
                                                   "chapter-02.xhtml"}));
  // Ids are unique across metadata and manifest.
  const std::vector<std::string> ids = opf.values("//@id");
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
}

TEST_F(DocumentsTest, NcxMatchesIdentifierAndSpineOrder) {
  const Layout layout = plan_layout(book);
  const XmlDocument opf(package_document(book, layout));
  const std::string text = ncx_document(book, layout);
  const XmlDocument ncx(text);
  ASSERT_TRUE(ncx.well_formed()) << text;
  EXPECT_EQ(ncx.value("//ncx:meta[@name='dtb:uid']/@content"), opf.value("//dc:identifier"));
  EXPECT_EQ(ncx.value("//ncx:meta[@name='dtb:depth']/@content"), "2");
  EXPECT_EQ(ncx.value("//ncx:docTitle/ncx:text"), "What Am I Missing");
  EXPECT_EQ(
      ncx.values("//ncx:navPoint/ncx:navLabel/ncx:text"),
      (std::vector<std::string>{"Part 1: The start", "First section", "Second section", "Part 2: The end", "Later"}));
  EXPECT_EQ(
      ncx.values("//ncx:navPoint/ncx:content/@src"),
      (std::vector<std::string>{"chapter-01.xhtml", "chapter-01.xhtml#first-section", "chapter-01.xhtml#second-section",
                                "chapter-02.xhtml", "chapter-02.xhtml#later"}));
  EXPECT_EQ(ncx.values("//ncx:navPoint/@playOrder"), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(ncx.count("/ncx:ncx/ncx:navMap/ncx:navPoint"), 2U);

  // The documents the NCX visits come in spine order.
  std::vector<std::string> spine_hrefs;
  for (const std::string& idref : opf.values("//opf:spine/opf:itemref/@idref"))
    spine_hrefs.push_back(opf.value("//opf:item[@id='" + idref + "']/@href"));
  std::vector<std::string> ncx_documents;
  for (std::string src : ncx.values("//ncx:navPoint/ncx:content/@src")) {
    src = src.substr(0, src.find('#'));
    if (ncx_documents.empty() || ncx_documents.back() != src) ncx_documents.push_back(src);
  }
  std::vector<std::string> spine_in_ncx;
  for (const std::string& href : spine_hrefs)
    if (std::find(ncx_documents.begin(), ncx_documents.end(), href) != ncx_documents.end())
      spine_in_ncx.push_back(href);
  EXPECT_EQ(ncx_documents, spine_in_ncx);
  EXPECT_EQ(ncx_documents, (std::vector<std::string>{"chapter-01.xhtml", "chapter-02.xhtml"}));
}

TEST_F(DocumentsTest, NavDocumentListsChaptersAndLandmarks) {
  const Layout layout = plan_layout(book);
  const std::string text = nav_document(book, layout);
  const XmlDocument nav(text);
  ASSERT_TRUE(nav.well_formed()) << text;
  EXPECT_EQ(nav.count("//h:nav[@epub:type='toc']"), 1U);
  EXPECT_EQ(nav.value("//h:nav[@epub:type='toc']/@id"), "toc");
  EXPECT_EQ(nav.value("//h:nav[@epub:type='toc']/@role"), "doc-toc");
  EXPECT_EQ(nav.value("//h:nav[@epub:type='toc']/h:h1"), "Contents");
  EXPECT_EQ(nav.values("//h:nav[@epub:type='toc']/h:ol/h:li/h:a/@href"),
            (std::vector<std::string>{"chapter-01.xhtml", "chapter-02.xhtml"}));
  EXPECT_EQ(nav.values("//h:nav[@epub:type='toc']/h:ol/h:li[1]/h:ol/h:li/h:a"),
            (std::vector<std::string>{"First section", "Second section"}));
  EXPECT_EQ(nav.values("//h:nav[@epub:type='toc']/h:ol/h:li[1]/h:ol/h:li/h:a/@href"),
            (std::vector<std::string>{"chapter-01.xhtml#first-section", "chapter-01.xhtml#second-section"}));
  EXPECT_EQ(nav.value("//h:nav[@epub:type='landmarks']/@hidden"), "");
  EXPECT_EQ(nav.values("//h:nav[@epub:type='landmarks']//h:a/@epub:type"),
            (std::vector<std::string>{"cover", "titlepage", "toc", "bodymatter"}));
  EXPECT_EQ(nav.values("//h:nav[@epub:type='landmarks']//h:a/@href"),
            (std::vector<std::string>{"cover.xhtml", "title.xhtml", "nav.xhtml#toc", "chapter-01.xhtml"}));
  EXPECT_TRUE(Contains(text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  EXPECT_EQ(nav.value("/h:html/@lang"), "en");
}

TEST_F(DocumentsTest, NavAndNcxOfABookWithoutChaptersStillHaveAnEntry) {
  book.chapters.clear();
  const Layout layout = plan_layout(book);
  const XmlDocument nav(nav_document(book, layout));
  EXPECT_EQ(nav.values("//h:nav[@epub:type='toc']//h:a/@href"), std::vector<std::string>{"title.xhtml"});
  EXPECT_EQ(nav.count("//h:a[@epub:type='bodymatter']"), 0U);
  const XmlDocument ncx(ncx_document(book, layout));
  EXPECT_EQ(ncx.values("//ncx:content/@src"), std::vector<std::string>{"title.xhtml"});
}

TEST_F(DocumentsTest, TitlePage) {
  const std::string text = title_page(book, plan_layout(book));
  const XmlDocument page(text);
  ASSERT_TRUE(page.well_formed()) << text;
  EXPECT_EQ(page.value("//h:section/@epub:type"), "titlepage");
  EXPECT_EQ(page.value("//h:h1"), "What Am I Missing");
  EXPECT_EQ(page.value("//h:p[@class='series']"), "Missing Things, book 2");
  EXPECT_EQ(page.value("//h:p[@class='authors']"), "Ann Author and Bob Writer");
  EXPECT_EQ(page.value("//h:p[@class='publisher']"), "blog.example.com");
  EXPECT_EQ(page.value("//h:p[@class='compiled']"), "Compiled from 2 posts");
  EXPECT_EQ(page.value("//h:p[@class='source']/h:a/@href"), "https://blog.example.com/");

  book.series.reset();
  book.authors = {"A", "B", "C"};
  book.chapters.resize(1);
  const XmlDocument other(title_page(book, plan_layout(book)));
  EXPECT_EQ(other.count("//h:p[@class='series']"), 0U);
  EXPECT_EQ(other.value("//h:p[@class='authors']"), "A, B and C");
  EXPECT_EQ(other.value("//h:p[@class='compiled']"), "Compiled from 1 post");
}

TEST_F(DocumentsTest, CoverPage) {
  const Layout layout = plan_layout(book);
  const std::string text = cover_page(book, layout);
  const XmlDocument page(text);
  ASSERT_TRUE(page.well_formed()) << text;
  EXPECT_EQ(page.value("//h:img/@src"), "images/cover.png");
  EXPECT_EQ(page.value("//h:img/@alt"), "Cover of What Am I Missing");
  EXPECT_EQ(page.value("//h:img/@role"), "doc-cover");
  EXPECT_EQ(page.value("//h:img/@width"), "4");
  book.cover.alt = "A red cover";
  EXPECT_EQ(XmlDocument(cover_page(book, layout)).value("//h:img/@alt"), "A red cover");
}

}  // namespace
}  // namespace pb::epub
