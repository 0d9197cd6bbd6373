// The API of the test module (tests/common/module/test_module.cpp).
#pragma once

namespace pb::testing {

constexpr int kTestModuleApiVersion = 3;

struct TestModuleApi {
  int version;
  int (*answer)();
};

// The same table seen by a build that expects another version of it.
struct NewerTestModuleApi {
  int version;
  int (*answer)();
};

}  // namespace pb::testing
