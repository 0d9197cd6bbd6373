// The PDF side of fonts: the ToUnicode maps that let readers copy text, and PDF numbers.
#include "pdf/font_embedder.h"

#include <gtest/gtest.h>

namespace pb::pdf {
namespace {

TEST(ToUnicode, WritesSurrogatePairsAndLigatures) {
  const std::string cmap = to_unicode_cmap({{3, U" "}, {700, U"ffi"}, {901, U"\U0001F600"}});
  EXPECT_NE(cmap.find("<0003> <0020>"), std::string::npos);
  EXPECT_NE(cmap.find("<02BC> <006600660069>"), std::string::npos);
  EXPECT_NE(cmap.find("<0385> <D83DDE00>"), std::string::npos);
  EXPECT_NE(cmap.find("3 beginbfchar"), std::string::npos);
}

TEST(PdfNumber, IsShortAndLocaleFree) {
  EXPECT_EQ(pdf_number(12.0), "12");
  EXPECT_EQ(pdf_number(0.12345), "0.123");
  EXPECT_EQ(pdf_number(-0.0001), "0");
  EXPECT_EQ(pdf_number(595.2756), "595.276");
}

}  // namespace
}  // namespace pb::pdf
