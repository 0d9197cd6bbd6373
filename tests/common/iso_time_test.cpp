#include "common/iso_time.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace pb::iso_time {
namespace {

// calendar.timegm((2024, 4, 12, 14, 15, 30)) in Python.
constexpr std::time_t k20240412T141530 = 1712931330;

TEST(IsoTimeParse, WordPressGmtFields) {
  EXPECT_EQ(parse_utc("2024-04-12T14:15:30"), k20240412T141530);
  EXPECT_EQ(parse_utc("2024-04-10T14:15:51"), std::time_t{1712758551});
  EXPECT_EQ(parse_utc("1970-01-01T00:00:00"), std::time_t{0});
}

TEST(IsoTimeParse, AcceptedVariants) {
  EXPECT_EQ(parse_utc("2024-04-12T14:15:30Z"), k20240412T141530);
  EXPECT_EQ(parse_utc("2024-04-12 14:15:30"), k20240412T141530);
  EXPECT_EQ(parse_utc("2024-04-12T14:15:30.123456"), k20240412T141530);
  EXPECT_EQ(parse_utc("2024-04-12T14:15:30.5Z"), k20240412T141530);
  EXPECT_EQ(parse_utc("2024-04-12"), k20240412T141530 - (14 * 3600 + 15 * 60 + 30));
}

TEST(IsoTimeParse, OffsetsAreConvertedToUtc) {
  EXPECT_EQ(parse_utc("2024-04-12T16:15:30+02:00"), k20240412T141530);
  EXPECT_EQ(parse_utc("2024-04-12T16:15:30+0200"), k20240412T141530);
  EXPECT_EQ(parse_utc("2024-04-12T09:15:30-05:00"), k20240412T141530);
  EXPECT_EQ(parse_utc("2024-04-12T19:45:30+05:30"), k20240412T141530);
  EXPECT_EQ(parse_utc("2024-04-12T14:15:30+00:00"), k20240412T141530);
}

TEST(IsoTimeParse, LeapDayAndDatesBefore1970) {
  EXPECT_EQ(parse_utc("2000-02-29T00:00:00"), std::time_t{951782400});
  EXPECT_EQ(parse_utc("1969-12-31T23:59:59"), std::time_t{-1});
}

TEST(IsoTimeParse, RejectsAnythingElse) {
  for (const char* bad : {"",
                          "yesterday",
                          "2024",
                          "2024-04",
                          "2024-4-12",
                          "24-04-12",
                          "2024/04/12",
                          "2024-13-01",
                          "2024-00-10",
                          "2024-04-00",
                          "2024-04-32",
                          "2024-04-12T",
                          "2024-04-12T14:15",
                          "2024-04-12T24:00:00",
                          "2024-04-12T14:60:00",
                          "2024-04-12T14:15:30X",
                          "2024-04-12T14:15:30+02",
                          "2024-04-12T14:15:30+2:00",
                          "2024-04-12T14:15:30 ",
                          "2024-04-12x",
                          " 2024-04-12",
                          "2024-04-12T14:15:30Zjunk",
                          "abcd-ef-ghT14:15:30"})
    EXPECT_EQ(parse_utc(bad), std::nullopt) << '"' << bad << '"';
}

// Regression (was a bug): parse_utc() promises nullopt for anything that is not a date, but only checks day <= 31,
// so a day that does not exist in its month is silently moved into the next month.
TEST(IsoTimeParse, RejectsDaysThatDoNotExist) {
  EXPECT_EQ(parse_utc("2023-02-29T00:00:00"), std::nullopt);
  EXPECT_EQ(parse_utc("2024-02-30T00:00:00"), std::nullopt);
  EXPECT_EQ(parse_utc("2024-04-31T00:00:00"), std::nullopt);
}

TEST(IsoTimeFormat, Utc) {
  EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_utc(k20240412T141530), "2024-04-12T14:15:30Z");
  EXPECT_EQ(format_utc(951782400), "2000-02-29T00:00:00Z");
}

TEST(IsoTimeFormat, RoundTripsAndIgnoresTimeZone) {
  const char* saved = std::getenv("TZ");
  const std::string saved_value = saved ? saved : "";
  setenv("TZ", "America/New_York", 1);
  tzset();
  EXPECT_EQ(format_utc(k20240412T141530), "2024-04-12T14:15:30Z");
  EXPECT_EQ(parse_utc(format_utc(k20240412T141530)), k20240412T141530);
  if (saved)
    setenv("TZ", saved_value.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

TEST(IsoTimeDate, DatePart) {
  EXPECT_EQ(date_part("2024-04-12T10:15:30"), "2024-04-12");
  EXPECT_EQ(date_part("2024-04-12"), "2024-04-12");
  EXPECT_EQ(date_part("2024-04-12 junk"), "2024-04-12");
  EXPECT_EQ(date_part(""), "");
  EXPECT_EQ(date_part("2024-04-1"), "");
  EXPECT_EQ(date_part("2024-13-12"), "");
  EXPECT_EQ(date_part("2024-04-00"), "");
  EXPECT_EQ(date_part("April 12, 2024"), "");
}

TEST(IsoTimeDate, HumanDate) {
  EXPECT_EQ(human_date("2024-04-12T10:15:30"), "12 April 2024");
  EXPECT_EQ(human_date("2024-01-01"), "1 January 2024");
  EXPECT_EQ(human_date("1999-12-31"), "31 December 1999");
  EXPECT_EQ(human_date("2024-09-05"), "5 September 2024");
  EXPECT_EQ(human_date("sometime"), "sometime");
  EXPECT_EQ(human_date("2024-13-01"), "2024-13-01");
  EXPECT_EQ(human_date(""), "");
}

// Sets SOURCE_DATE_EPOCH for one test and restores the previous state.
class SourceDateEpoch : public testing::Test {
 protected:
  void SetUp() override {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    had_value_ = value != nullptr;
    if (value) saved_ = value;
  }
  void TearDown() override {
    if (had_value_)
      setenv("SOURCE_DATE_EPOCH", saved_.c_str(), 1);
    else
      unsetenv("SOURCE_DATE_EPOCH");
  }

 private:
  bool had_value_ = false;
  std::string saved_;
};

TEST_F(SourceDateEpoch, ValidValue) {
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  EXPECT_EQ(source_date_epoch(), std::time_t{1700000000});
  setenv("SOURCE_DATE_EPOCH", "0", 1);
  EXPECT_EQ(source_date_epoch(), std::time_t{0});
}

TEST_F(SourceDateEpoch, UnsetOrInvalid) {
  unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(source_date_epoch(), std::nullopt);
  for (const char* bad : {"", "abc", "-5", "12x", " 12", "1.5", "99999999999999999999999"}) {
    setenv("SOURCE_DATE_EPOCH", bad, 1);
    EXPECT_EQ(source_date_epoch(), std::nullopt) << '"' << bad << '"';
  }
}

}  // namespace
}  // namespace pb::iso_time
