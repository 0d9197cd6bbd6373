// xml_text: the repairs that make WordPress's invalid XML parseable.
#include <gtest/gtest.h>

#include <string>

#include "common/error.h"
#include "sources/xml_text.h"

namespace pb::sources {
namespace {

using namespace std::string_literals;

std::string repair(std::string_view text, XmlRepairs* out = nullptr) {
  XmlRepairs repairs;
  std::string result = repair_xml(text, "feed.xml", repairs);
  if (out) *out = repairs;
  return result;
}

TEST(RepairXml, LeavesValidXmlAlone) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<rss><channel><title>Caf\xC3\xA9 &amp; &#8217; &#x9;</title></channel></rss>";
  XmlRepairs repairs;
  EXPECT_EQ(repair(xml, &repairs), xml);
  EXPECT_FALSE(repairs.any());
  EXPECT_EQ(repairs.describe(), "");
  EXPECT_EQ(repairs.converted_from, "");
}

TEST(RepairXml, RemovesRawControlCharacters) {
  XmlRepairs repairs;
  EXPECT_EQ(repair("<a>x\x03y\x0Bz\x00w\x1F\tv\r\n</a>"s, &repairs), "<a>xyzw\tv\r\n</a>");
  EXPECT_EQ(repairs.forbidden_characters, 4u);
  EXPECT_EQ(repairs.forbidden_references, 0u);
  EXPECT_EQ(repairs.describe(), "removed 4 characters XML forbids (control bytes)");
}

TEST(RepairXml, RemovesUnicodeNonCharactersXmlForbids) {
  XmlRepairs repairs;
  EXPECT_EQ(repair("<a>x\xEF\xBF\xBEy\xEF\xBF\xBFz</a>", &repairs), "<a>xyz</a>");  // U+FFFE, U+FFFF
  EXPECT_EQ(repairs.forbidden_characters, 2u);
}

TEST(RepairXml, RemovesForbiddenCharacterReferences) {
  XmlRepairs repairs;
  EXPECT_EQ(
      repair("<a t=\"&#3;\">&#x3;a&#X0B;b&#0;c&#xD800;d&#xFFFE;e&#1114112;f&#99999999999999999999;g</a>", &repairs),
      "<a t=\"\">abcdefg</a>");
  EXPECT_EQ(repairs.forbidden_references, 8u);
  EXPECT_EQ(repairs.describe(), "removed 8 character references to characters XML forbids (such as &#x3;)");
}

TEST(RepairXml, KeepsAllowedReferencesAndLookalikes) {
  const std::string xml = "<a>&#9;&#x0A;&#13;&#8217;&#x1F600;&amp;#x3;&#x3 &#;&#x;&# 3;&#x10FFFF;</a>";
  XmlRepairs repairs;
  EXPECT_EQ(repair(xml, &repairs), xml);
  EXPECT_FALSE(repairs.any());
}

TEST(RepairXml, ReplacesInvalidUtf8) {
  XmlRepairs repairs;
  EXPECT_EQ(repair("<a>ok\xFF\xC3(</a>", &repairs), "<a>ok\xEF\xBF\xBD\xEF\xBF\xBD(</a>");
  EXPECT_EQ(repairs.invalid_utf8, 2u);
  EXPECT_EQ(repairs.describe(), "replaced 2 invalid UTF-8 bytes with U+FFFD");
}

TEST(RepairXml, DropsBomAndWhitespaceBeforeTheDeclaration) {
  XmlRepairs repairs;
  EXPECT_EQ(repair("\xEF\xBB\xBF\n\n  <?xml version=\"1.0\"?><rss/>", &repairs), "<?xml version=\"1.0\"?><rss/>");
  EXPECT_FALSE(repairs.any());  // nothing of the content changed
  EXPECT_EQ(repairs.skipped_lines, 2u);
}

TEST(RepairXml, SkipsPhpWarningsPrintedBeforeTheFeed) {
  const std::string junk =
      "<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/functions.php</b> on line <b>3</b><br />\n";
  XmlRepairs repairs;
  EXPECT_EQ(repair(junk + "<?xml version=\"1.0\"?>\n<rss/>", &repairs), "<?xml version=\"1.0\"?>\n<rss/>");
  EXPECT_EQ(repairs.skipped_prefix, junk.size());
  EXPECT_EQ(repairs.skipped_lines, 2u);
  EXPECT_NE(repairs.describe().find("bytes before the XML declaration"), std::string::npos);
}

TEST(RepairXml, NeverSkipsTheDocumentItself) {
  // No declaration at the start, one quoted inside the content: nothing may be cut.
  const std::string xml =
      "<rss><channel><item><description><![CDATA[<?xml version=\"1.0\"?>]]></description></item></channel></rss>";
  XmlRepairs repairs;
  EXPECT_EQ(repair(xml, &repairs), xml);
  EXPECT_EQ(repairs.skipped_prefix, 0u);
}

TEST(RepairXml, ConvertsUtf16) {
  const std::string utf8 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>\xC3\xA9\xF0\x9F\x98\x80</a>";
  // The same text in UTF-16LE with a BOM, and in UTF-16BE without one.
  std::string le = "\xFF\xFE";
  std::string be;
  for (const char c : std::string("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>")) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  le += std::string("\xE9\x00\x3D\xD8\x00\xDE", 6);  // é, U+1F600 as a surrogate pair
  be += std::string("\x00\xE9\xD8\x3D\xDE\x00", 6);
  for (const char c : std::string("</a>")) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  XmlRepairs repairs;
  EXPECT_EQ(repair(le, &repairs), utf8);
  EXPECT_EQ(repairs.converted_from, "UTF-16LE");
  EXPECT_EQ(repair(be, &repairs), utf8);
  EXPECT_EQ(repairs.converted_from, "UTF-16BE");
}

TEST(RepairXml, ConvertsLatin1WhenItIsNotUtf8) {
  XmlRepairs repairs;
  EXPECT_EQ(
      repair("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Caf\xE9 \x80 \x93quoted\x94</a>", &repairs),
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D</a>");
  EXPECT_EQ(repairs.converted_from, "iso-8859-1");
  EXPECT_FALSE(repairs.any());
}

TEST(RepairXml, KeepsUtf8ThatIsMislabelledLatin1) {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>Caf\xC3\xA9</a>";
  XmlRepairs repairs;
  EXPECT_EQ(repair(xml, &repairs), xml);
  EXPECT_EQ(repairs.converted_from, "");
}

TEST(RepairXml, RejectsEncodingsItCannotRead) {
  try {
    repair("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a>\x82\xA0</a>");
    FAIL() << "expected a BuildError";
  } catch (const BuildError& error) {
    EXPECT_EQ(error.origin(), "feed.xml");
    EXPECT_NE(std::string(error.what()).find("\"shift_jis\""), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("iconv"), std::string::npos);
  }
}

TEST(RemoveForbiddenReferences, RemovesOnlyForbiddenOnes) {
  std::size_t removed = 0;
  EXPECT_EQ(remove_forbidden_references("<p>a&#x3;b&#8217;c&#0;d&amp;#3;</p>", &removed), "<p>ab&#8217;cd&amp;#3;</p>");
  EXPECT_EQ(removed, 2u);
  EXPECT_EQ(remove_forbidden_references("&#"), "&#");
  EXPECT_EQ(remove_forbidden_references(""), "");
}

}  // namespace
}  // namespace pb::sources
