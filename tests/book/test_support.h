// Substring assertions with readable failure messages (GoogleTest core only, no gmock).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace pb::test {

inline ::testing::AssertionResult Contains(std::string_view haystack, std::string_view needle) {
  if (haystack.find(needle) != std::string_view::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected to find\n  " << needle << "\nin\n" << haystack;
}

inline ::testing::AssertionResult Lacks(std::string_view haystack, std::string_view needle) {
  if (haystack.find(needle) == std::string_view::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "did not expect to find\n  " << needle << "\nin\n" << haystack;
}

}  // namespace pb::test
