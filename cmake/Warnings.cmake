# Project-wide warning flags, applied through the postbinder_warnings interface target
# so that third-party headers (imported as SYSTEM) stay quiet.
add_library(postbinder_warnings INTERFACE)
target_compile_options(postbinder_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                     -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                                     -Wswitch -Wimplicit-fallthrough)
if(POSTBINDER_WERROR)
  target_compile_options(postbinder_warnings INTERFACE -Werror)
endif()
