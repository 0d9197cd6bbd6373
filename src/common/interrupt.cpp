#include "common/interrupt.h"

#include <signal.h>

#include <atomic>

#include "common/atomic_output.h"

namespace pb {

namespace {

std::atomic<int> signals_received{0};

extern "C" void on_signal(int signal_number) {
  if (signals_received.fetch_add(1) == 0) return;  // first: stop at the next checkpoint
  remove_pending_outputs();                        // second: leave now, without temp files
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

}  // namespace

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() {
  return signals_received.load(std::memory_order_relaxed) > 0;
}

void throw_if_interrupted() {
  if (interrupted()) throw Interrupted();
}

}  // namespace pb
