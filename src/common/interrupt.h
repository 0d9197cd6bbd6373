// Ctrl-C and SIGTERM stop a build cleanly: the first signal sets a flag that long-running work
// checks between steps (throwing Interrupted, so every temporary file is removed on the way
// out and the previous book stays as it was); a second signal ends the process at once after
// removing the temporary output files.
#pragma once

#include <stdexcept>

namespace pb {

class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted") {}
};

// Installs the SIGINT and SIGTERM handlers. Called once by main.
void install_interrupt_handler();

bool interrupted();

// Throws Interrupted when a signal arrived.
void throw_if_interrupted();

}  // namespace pb
