// Runs independent pieces of work (one per chapter) on all cores.
#pragma once

#include <cstddef>
#include <functional>

namespace pb {

// Calls body(i) for i in [0, count) on up to hardware_concurrency threads and waits for all.
// If calls throw, the exception of the lowest i is rethrown (the same one a sequential loop
// would have met first), after every thread has stopped.
void parallel_for(std::size_t count, const std::function<void(std::size_t)>& body);

}  // namespace pb
