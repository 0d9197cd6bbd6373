# Project-wide warning flags, applied through the postbinder_warnings interface target
# so that third-party headers (imported as SYSTEM) stay quiet.
add_library(postbinder_warnings INTERFACE)
target_compile_options(postbinder_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                     -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                                     -Wswitch -Wimplicit-fallthrough)
# GCC 12 at -O2/-O3 reports a false -Wrestrict on "literal" + std::string (GCC bug 105651).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(postbinder_warnings INTERFACE -Wno-restrict)
endif()
if(POSTBINDER_WERROR)
  target_compile_options(postbinder_warnings INTERFACE -Werror)
endif()
