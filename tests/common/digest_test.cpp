#include "common/digest.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace pb::digest {
namespace {

TEST(Digest, Sha256KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Digest, Sha256HandlesBinaryData) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(sha256_hex(with_nul), sha256_hex("a"));
  EXPECT_EQ(sha256_hex(with_nul).size(), 64u);
  EXPECT_EQ(sha256_hex(with_nul).find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(Digest, UuidV5MatchesPythonUuidModule) {
  // python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/"))'
  EXPECT_EQ(uuid_v5("https://example.org/"), "527dda32-a0de-5105-a042-cb475b5f7d11");
  // python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, ""))'
  EXPECT_EQ(uuid_v5(""), "1b4db7eb-4057-5ddf-91e0-36dec72071f5");
}

TEST(Digest, UuidV5HasVersionAndVariantBits) {
  for (const char* name : {"a", "b", "postbinder:https://example.org/part-1/\n", "\xF0\x9F\x98\x80"}) {
    const std::string uuid = uuid_v5(name);
    ASSERT_EQ(uuid.size(), 36u) << uuid;
    EXPECT_EQ(uuid[8], '-');
    EXPECT_EQ(uuid[13], '-');
    EXPECT_EQ(uuid[18], '-');
    EXPECT_EQ(uuid[23], '-');
    EXPECT_EQ(uuid[14], '5') << uuid;
    EXPECT_NE(std::string("89ab").find(uuid[19]), std::string::npos) << uuid;
  }
}

TEST(Digest, UuidV5IsStableAndDistinct) {
  EXPECT_EQ(uuid_v5("same name"), uuid_v5("same name"));
  std::set<std::string> seen;
  for (const char* name : {"a", "b", "A", "a ", "ab"}) seen.insert(uuid_v5(name));
  EXPECT_EQ(seen.size(), 5u);
}

}  // namespace
}  // namespace pb::digest
