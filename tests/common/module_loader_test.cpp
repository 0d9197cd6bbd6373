// module_loader: where modules are looked for, what a failure to load one says, and the API
// version check that keeps a module from another build out.
#include "common/module_loader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "common/error.h"
#include "common/module_loader_test_api.h"
#include "common/temp_dir.h"

namespace pb {
namespace {

namespace fs = std::filesystem;
using testing::NewerTestModuleApi;
using testing::TestModuleApi;

constexpr const char* kEnv = "POSTBINDER_TEST_MODULE";

class ModuleLoader : public ::testing::Test {
 protected:
  void SetUp() override { unsetenv(kEnv); }
  void TearDown() override { unsetenv(kEnv); }
};

std::string error_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const BuildError& error) {
    return error.what();
  }
  return "";
}

TEST_F(ModuleLoader, CandidatesAreTheEnvironmentThenBesideTheBinaryThenTheInstallTreeThenTheBuild) {
  setenv(kEnv, "/opt/chosen/test.so", 1);
  const auto candidates = module_candidates("test.so", kEnv, "/build/test.so");
  ASSERT_EQ(candidates.size(), 4u);
  EXPECT_EQ(candidates[0], "/opt/chosen/test.so");
  const fs::path self = fs::read_symlink("/proc/self/exe").parent_path();
  EXPECT_EQ(candidates[1], self / "test.so");
  EXPECT_EQ(candidates[2], self / ".." / "lib" / "postbinder" / "test.so");
  EXPECT_EQ(candidates[3], "/build/test.so");
  unsetenv(kEnv);
  EXPECT_EQ(module_candidates("test.so", kEnv, "").size(), 2u);
}

TEST_F(ModuleLoader, AModuleIsLoadedAndItsApiCalled) {
  const TestModuleApi& api =
      module_api<TestModuleApi>({"no-such-name.so", kEnv, POSTBINDER_TEST_MODULE_PATH, "postbinder_test_module_api",
                                 "test", testing::kTestModuleApiVersion});
  EXPECT_EQ(api.version, testing::kTestModuleApiVersion);
  EXPECT_EQ(api.answer(), 42);
}

TEST_F(ModuleLoader, AModuleOfAnotherVersionIsRefused) {
  const std::string error = error_of([] {
    module_api<NewerTestModuleApi>({"test_module.so", kEnv, POSTBINDER_TEST_MODULE_PATH, "postbinder_test_module_api",
                                    "test", testing::kTestModuleApiVersion + 1});
  });
  EXPECT_NE(error.find("test_module.so"), std::string::npos) << error;
  EXPECT_NE(error.find("another postbinder version"), std::string::npos) << error;
}

TEST_F(ModuleLoader, AMissingModuleIsAnErrorNamingIt) {
  const std::string error =
      error_of([] { load_module_entry("postbinder_missing.so", kEnv, "", "postbinder_missing_api", "test"); });
  EXPECT_NE(error.find("cannot load postbinder_missing.so"), std::string::npos) << error;
  EXPECT_NE(error.find("not found"), std::string::npos) << error;
}

TEST_F(ModuleLoader, AFileThatIsNotAModuleIsAnErrorSayingWhy) {
  const TempDir dir;
  const fs::path fake = dir.path() / "fake.so";
  std::ofstream(fake) << "not an ELF file";
  const std::string error = error_of([&] { load_module_entry("fake.so", kEnv, fake.string(), "anything", "test"); });
  EXPECT_NE(error.find("cannot load fake.so"), std::string::npos) << error;
  EXPECT_NE(error.find("fake.so:"), std::string::npos) << "the loader's reason: " << error;
}

TEST_F(ModuleLoader, AModuleWithoutTheEntrySymbolIsNotTakenForOne) {
  const std::string error = error_of(
      [] { load_module_entry("test_module.so", kEnv, POSTBINDER_TEST_MODULE_PATH, "postbinder_other_api", "test"); });
  EXPECT_NE(error.find("is not a postbinder module (no postbinder_other_api)"), std::string::npos) << error;
}

TEST_F(ModuleLoader, TheEnvironmentCanNameTheModule) {
  setenv(kEnv, POSTBINDER_TEST_MODULE_PATH, 1);
  void* entry = load_module_entry("no-such-name.so", kEnv, "", "postbinder_test_module_api", "test");
  ASSERT_NE(entry, nullptr);
  using Entry = const TestModuleApi* (*)();
  EXPECT_EQ(reinterpret_cast<Entry>(entry)()->answer(), 42);
}

TEST_F(ModuleLoader, ACandidateThatWillNotLoadFallsThroughToTheNext) {
  const TempDir dir;
  const fs::path fake = dir.path() / "broken.so";
  std::ofstream(fake) << "not an ELF file";
  setenv(kEnv, fake.c_str(), 1);
  void* entry =
      load_module_entry("no-such-name.so", kEnv, POSTBINDER_TEST_MODULE_PATH, "postbinder_test_module_api", "test");
  ASSERT_NE(entry, nullptr);
  using Entry = const TestModuleApi* (*)();
  EXPECT_EQ(reinterpret_cast<Entry>(entry)()->answer(), 42);
}

}  // namespace
}  // namespace pb
