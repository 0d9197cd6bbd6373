// One fuzz target per file. Built with clang -fsanitize=fuzzer it is a libFuzzer binary
// (scripts/fuzz); built by the normal test suite, every file of its seed corpus and of its
// regressions folder is replayed through it by replay_test.cpp, so a crash once found stays fixed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace pb::fuzz {

using Target = int (*)(const std::uint8_t* data, std::size_t size);

std::map<std::string, Target>& registry();

struct Registration {
  Registration(const char* name, Target target) { registry()[name] = target; }
};

}  // namespace pb::fuzz

#ifdef POSTBINDER_LIBFUZZER
#define POSTBINDER_FUZZ_TARGET(name, function)                                        \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    return function(data, size);                                                      \
  }
#else
#define POSTBINDER_FUZZ_TARGET(name, function) static const pb::fuzz::Registration registration_##name(#name, function);
#endif
