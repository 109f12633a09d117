# Runs Doxygen over the public headers and fails on any warning (an undocumented public entity,
# a bad doc command...), printing the warnings. Usage:
#   cmake -DDOXYGEN=<doxygen or empty> -DDOXYFILE=<Doxyfile> -DLOG=<its WARN_LOGFILE> -P doxygen_warnings.cmake
# Without doxygen it prints "SKIPPED: doxygen not found" (the test's SKIP_REGULAR_EXPRESSION).
if(NOT DOXYGEN)
  message("SKIPPED: doxygen not found (scripts/setup.sh --docs installs it); the API reference is not checked")
  return()
endif()
file(REMOVE "${LOG}")
execute_process(COMMAND "${DOXYGEN}" "${DOXYFILE}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "doxygen failed (${rc}):\n${out}${err}")
endif()
if(NOT EXISTS "${LOG}")
  message(FATAL_ERROR "doxygen wrote no warning log at ${LOG}")
endif()
file(STRINGS "${LOG}" warnings)
list(LENGTH warnings count)
if(count GREATER 0)
  list(JOIN warnings "\n" text)
  message(FATAL_ERROR "doxygen: ${count} warning line(s):\n${text}")
endif()
message("doxygen: 0 warnings")
