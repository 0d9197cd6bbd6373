#include "common/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace pb::utf8 {
namespace {

constexpr std::size_t npos = std::string_view::npos;

struct Decoded {
  std::optional<char32_t> value;
  std::size_t next;
};

Decoded decode_at(std::string_view text, std::size_t pos) {
  const std::optional<char32_t> value = decode(text, pos);
  return {value, pos};
}

TEST(Utf8Decode, DecodesEachSequenceLengthAndAdvances) {
  EXPECT_EQ(decode_at("A", 0).value, U'A');
  EXPECT_EQ(decode_at("A", 0).next, 1u);
  EXPECT_EQ(decode_at("\xC3\xA9", 0).value, U'\u00E9');
  EXPECT_EQ(decode_at("\xC3\xA9", 0).next, 2u);
  EXPECT_EQ(decode_at("\xE2\x80\x99", 0).value, U'\u2019');
  EXPECT_EQ(decode_at("\xE2\x80\x99", 0).next, 3u);
  EXPECT_EQ(decode_at("\xF0\x9F\x98\x80", 0).value, U'\U0001F600');
  EXPECT_EQ(decode_at("\xF0\x9F\x98\x80", 0).next, 4u);
}

TEST(Utf8Decode, DecodesFromTheMiddleOfText) {
  const std::string_view text = "ab\xC3\xA9z";
  EXPECT_EQ(decode_at(text, 2).value, U'\u00E9');
  EXPECT_EQ(decode_at(text, 2).next, 4u);
  EXPECT_EQ(decode_at(text, 4).value, U'z');
}

TEST(Utf8Decode, BoundaryCodePoints) {
  EXPECT_EQ(decode_at("\x7F", 0).value, U'\x7F');
  EXPECT_EQ(decode_at("\xC2\x80", 0).value, U'\x80');
  EXPECT_EQ(decode_at("\xDF\xBF", 0).value, U'\u07FF');
  EXPECT_EQ(decode_at("\xE0\xA0\x80", 0).value, U'\u0800');
  EXPECT_EQ(decode_at("\xEF\xBF\xBF", 0).value, char32_t{0xFFFF});
  EXPECT_EQ(decode_at("\xF0\x90\x80\x80", 0).value, U'\U00010000');
  EXPECT_EQ(decode_at("\xF4\x8F\xBF\xBF", 0).value, U'\U0010FFFF');
}

TEST(Utf8Decode, RejectsInvalidSequencesAndAdvancesOneByte) {
  for (std::string_view bad : {
           std::string_view("\x80"),              // lone continuation byte
           std::string_view("\xBF"),              // lone continuation byte
           std::string_view("\xC0\xAF"),          // overlong '/'
           std::string_view("\xC1\xBF"),          // overlong
           std::string_view("\xE0\x80\xAF"),      // overlong
           std::string_view("\xF0\x80\x80\xAF"),  // overlong
           std::string_view("\xED\xA0\x80"),      // surrogate U+D800
           std::string_view("\xED\xBF\xBF"),      // surrogate U+DFFF
           std::string_view("\xF4\x90\x80\x80"),  // U+110000
           std::string_view("\xF8\x88\x80\x80\x80"), std::string_view("\xFE"), std::string_view("\xFF"),
           std::string_view("\xC3"),          // truncated at the end
           std::string_view("\xE2\x80"),      // truncated at the end
           std::string_view("\xF0\x9F\x98"),  // truncated at the end
           std::string_view("\xC3 "),         // continuation missing
           std::string_view("\xE2\x80("),     // continuation missing
       }) {
    const Decoded result = decode_at(bad, 0);
    EXPECT_FALSE(result.value.has_value()) << testing::PrintToString(std::string(bad));
    EXPECT_EQ(result.next, 1u) << testing::PrintToString(std::string(bad));
  }
}

TEST(Utf8Append, EncodesEveryLengthAndRoundTrips) {
  for (char32_t c : {U'\0', U'a', U'\x7F', U'\x80', U'\u00E9', U'\u07FF', U'\u0800', U'\u2019', char32_t{0xFFFD},
                     char32_t{0xFFFF}, U'\U00010000', U'\U0001F600', U'\U0010FFFF'}) {
    std::string out = "x";
    append(out, c);
    std::size_t pos = 1;
    const std::optional<char32_t> back = decode(out, pos);
    ASSERT_TRUE(back.has_value()) << static_cast<std::uint32_t>(c);
    EXPECT_EQ(*back, c);
    EXPECT_EQ(pos, out.size());
  }
  std::string out;
  append(out, U'\u00E9');
  EXPECT_EQ(out, "\xC3\xA9");
  append(out, U'\U0001F600');
  EXPECT_EQ(out, "\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(Utf8Validate, FirstInvalidGivesByteOffset) {
  EXPECT_EQ(first_invalid(""), npos);
  EXPECT_EQ(first_invalid("plain ascii"), npos);
  EXPECT_EQ(first_invalid("caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80"), npos);
  EXPECT_EQ(first_invalid("abc\xFF"
                          "def"),
            3u);
  EXPECT_EQ(first_invalid("\xC3\xA9\xC3"), 2u);           // truncated at the end
  EXPECT_EQ(first_invalid("\xC3\xA9\xED\xA0\x80z"), 2u);  // surrogate
  EXPECT_EQ(first_invalid("\x80"), 0u);
  EXPECT_EQ(first_invalid("ok\xC0\xAF\xFF"), 2u);  // the first of several
}

TEST(Utf8Validate, IsValid) {
  EXPECT_TRUE(is_valid(""));
  EXPECT_TRUE(is_valid("caf\xC3\xA9"));
  EXPECT_TRUE(is_valid(std::string_view("nul\0inside", 10)));
  EXPECT_FALSE(is_valid("caf\xE9"));  // Latin-1
  EXPECT_FALSE(is_valid("\xEF\xBB"));
}

TEST(Utf8Xml, AllowedCharacters) {
  EXPECT_TRUE(allowed_in_xml(U'\t'));
  EXPECT_TRUE(allowed_in_xml(U'\n'));
  EXPECT_TRUE(allowed_in_xml(U'\r'));
  EXPECT_TRUE(allowed_in_xml(U' '));
  EXPECT_TRUE(allowed_in_xml(U'\u00A0'));
  EXPECT_TRUE(allowed_in_xml(char32_t{0xFFFD}));
  EXPECT_TRUE(allowed_in_xml(U'\U0001F600'));
  EXPECT_TRUE(allowed_in_xml(U'\U0010FFFF'));
  EXPECT_FALSE(allowed_in_xml(U'\0'));
  EXPECT_FALSE(allowed_in_xml(U'\x01'));
  EXPECT_FALSE(allowed_in_xml(U'\x08'));
  EXPECT_FALSE(allowed_in_xml(U'\x0B'));
  EXPECT_FALSE(allowed_in_xml(U'\x0C'));
  EXPECT_FALSE(allowed_in_xml(U'\x1F'));
  EXPECT_FALSE(allowed_in_xml(char32_t{0xD800}));
  EXPECT_FALSE(allowed_in_xml(char32_t{0xFFFE}));
  EXPECT_FALSE(allowed_in_xml(char32_t{0xFFFF}));
}

TEST(Utf8Xml, SanitizeDropsForbiddenCharacters) {
  EXPECT_EQ(sanitize_for_xml("a\x01"
                             "b\x0C"
                             "c\x1F"
                             "d"),
            "abcd");
  EXPECT_EQ(sanitize_for_xml(std::string_view("a\0b", 3)), "ab");
  EXPECT_EQ(sanitize_for_xml("x\xEF\xBF\xBEy\xEF\xBF\xBFz"), "xyz");  // U+FFFE, U+FFFF
}

TEST(Utf8Xml, SanitizeKeepsAllowedText) {
  const std::string_view text = "tab\there\nline\r\ncaf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80 <&> \x7F";
  EXPECT_EQ(sanitize_for_xml(text), text);
  EXPECT_EQ(sanitize_for_xml(""), "");
}

TEST(Utf8Xml, SanitizeReplacesInvalidBytes) {
  EXPECT_EQ(sanitize_for_xml("caf\xE9!"), "caf\xEF\xBF\xBD!");
  EXPECT_EQ(sanitize_for_xml("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // one per byte
  EXPECT_EQ(sanitize_for_xml("end\xE2\x80"), "end\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(is_valid(sanitize_for_xml("\xFF\xFE\xC0\xAF")));
}

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(length(""), 0u);
  EXPECT_EQ(length("hello"), 5u);
  EXPECT_EQ(length("h\xC3\xA9llo"), 5u);
  EXPECT_EQ(length("\xF0\x9F\x98\x80\xE2\x80\x99"), 2u);
  EXPECT_EQ(length("a\xFF\xFE"
                   "b"),
            4u);  // invalid bytes count one each
}

TEST(Utf8Truncate, NeverSplitsASequence) {
  EXPECT_EQ(truncate("h\xC3\xA9llo", 2), "h\xC3\xA9");
  EXPECT_EQ(truncate("h\xC3\xA9llo", 1), "h");
  EXPECT_EQ(truncate("h\xC3\xA9llo", 0), "");
  EXPECT_EQ(truncate("h\xC3\xA9llo", 5), "h\xC3\xA9llo");
  EXPECT_EQ(truncate("h\xC3\xA9llo", 100), "h\xC3\xA9llo");
  EXPECT_EQ(truncate("\xF0\x9F\x98\x80\xF0\x9F\x98\x81", 1), "\xF0\x9F\x98\x80");
  EXPECT_EQ(truncate("", 3), "");
  for (std::size_t n = 0; n <= 6; ++n)
    EXPECT_TRUE(
        is_valid(truncate("\xE2\x80\x99\xC3\xA9\xF0\x9F\x98\x80"
                          "ab",
                          n)));
}

}  // namespace
}  // namespace pb::utf8
