#include "fuzz/fuzz_target.h"

namespace pb::fuzz {

std::map<std::string, Target>& registry() {
  static std::map<std::string, Target> targets;
  return targets;
}

}  // namespace pb::fuzz
