// A module for module_loader_test.cpp: what postbinder's own modules export, in miniature.
#include "common/module_loader_test_api.h"

namespace {
int answer() {
  return 42;
}
}  // namespace

extern "C" __attribute__((visibility("default"))) const pb::testing::TestModuleApi* postbinder_test_module_api() {
  static const pb::testing::TestModuleApi api = {pb::testing::kTestModuleApiVersion, &answer};
  return &api;
}
