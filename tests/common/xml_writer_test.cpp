#include "common/xml_writer.h"

#include <gtest/gtest.h>

#include <string>

namespace pb {
namespace {

TEST(XmlWriter, Declaration) {
  XmlWriter xml;
  xml.declaration();
  EXPECT_EQ(xml.str(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
}

TEST(XmlWriter, ElementsAndAttributes) {
  XmlWriter xml;
  xml.open("package", {{"xmlns", "http://www.idpf.org/2007/opf"}, {"version", "3.0"}});
  xml.element("dc:title", "Title");
  xml.empty("item", {{"id", "c1"}, {"href", "c1.xhtml"}});
  xml.empty("br");
  xml.close("package");
  EXPECT_EQ(xml.str(),
            "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><dc:title>Title</dc:title>"
            "<item id=\"c1\" href=\"c1.xhtml\"/><br/></package>");
}

TEST(XmlWriter, EscapesText) {
  XmlWriter xml;
  xml.text("a < b && c > d \"quoted\" 'single'");
  EXPECT_EQ(xml.str(), "a &lt; b &amp;&amp; c &gt; d \"quoted\" 'single'");
}

TEST(XmlWriter, EscapesAttributeValues) {
  XmlWriter xml;
  xml.empty("a", {{"title", "x\"y<z>&w'"}, {"data", "line1\nline2\tend\r"}});
  EXPECT_EQ(xml.str(), "<a title=\"x&quot;y&lt;z&gt;&amp;w'\" data=\"line1&#10;line2&#9;end&#13;\"/>");
}

TEST(XmlWriter, TextKeepsNewlinesAndTabsButEscapesCarriageReturns) {
  XmlWriter xml;
  xml.text("one\ntwo\tthree\r\nfour");
  EXPECT_EQ(xml.str(), "one\ntwo\tthree&#13;\nfour");
}

TEST(XmlWriter, DropsCharactersXmlForbids) {
  XmlWriter xml;
  xml.element("p", {{"title", "t\x01i\x0Bt"}},
              "a\x01"
              "b\x0C"
              "c\xEF\xBF\xBE"
              "d");
  EXPECT_EQ(xml.str(), "<p title=\"tit\">abcd</p>");
}

TEST(XmlWriter, RepairsInvalidUtf8) {
  XmlWriter xml;
  xml.text("caf\xE9");
  EXPECT_EQ(xml.str(), "caf\xEF\xBF\xBD");
}

TEST(XmlWriter, KeepsNonAsciiText) {
  XmlWriter xml;
  xml.text("What\xE2\x80\x99s \xF0\x9F\x98\x80 10\xC2\xA0kg");
  EXPECT_EQ(xml.str(), "What\xE2\x80\x99s \xF0\x9F\x98\x80 10\xC2\xA0kg");
}

TEST(XmlWriter, RawIsNotEscaped) {
  XmlWriter xml;
  xml.raw("<!DOCTYPE html>");
  xml.newline();
  xml.text("<");
  EXPECT_EQ(xml.str(), "<!DOCTYPE html>\n&lt;");
}

TEST(XmlWriter, AppendEscapedStatic) {
  std::string out = "x=";
  XmlWriter::append_escaped(out, "\"&\"", true);
  EXPECT_EQ(out, "x=&quot;&amp;&quot;");
  out.clear();
  XmlWriter::append_escaped(out, "\"&\"", false);
  EXPECT_EQ(out, "\"&amp;\"");
}

TEST(XmlWriter, TakeMovesTheText) {
  XmlWriter xml;
  xml.element("a", "b");
  const std::string taken = xml.take();
  EXPECT_EQ(taken, "<a>b</a>");
}

}  // namespace
}  // namespace pb
