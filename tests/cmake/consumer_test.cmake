# Installs libtco into a scratch prefix, then builds tests/consumer against it twice: through
# find_package(libtco CONFIG) and through pkg-config. Both must print the same report and the same
# break-even.
cmake_minimum_required(VERSION 3.20)

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "command failed (${rc}): ${ARGN}\n${out}\n${err}")
    endif()
    set(run_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
run("${CMAKE_COMMAND}" --install "${LIBTCO_BUILD_DIR}" --prefix "${prefix}" --component libtco_dev)

# 1. find_package(libtco CONFIG)
run("${CMAKE_COMMAND}" -S "${LIBTCO_SOURCE_DIR}/tests/consumer" -B "${WORK_DIR}/build"
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX}" -DCMAKE_BUILD_TYPE=Release)
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/libtco_planner" --format json)
set(cmake_report "${run_output}")
string(FIND "${cmake_report}" "\"total_usd\"" found)
if(found EQUAL -1)
    message(FATAL_ERROR "the consumer printed no report:\n${cmake_report}")
endif()
file(WRITE "${WORK_DIR}/consumer-report.json" "${cmake_report}")

# 2. pkg-config
find_program(PKG_CONFIG_EXECUTABLE pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${prefix}/share/pkgconfig")
run("${PKG_CONFIG_EXECUTABLE}" --cflags libtco)
string(STRIP "${run_output}" cflags)
separate_arguments(cflags UNIX_COMMAND "${cflags}")
run("${CXX}" ${cflags} -O1 "${LIBTCO_SOURCE_DIR}/tests/consumer/main.cpp" -o "${WORK_DIR}/consumer_pkgconfig")
run("${WORK_DIR}/consumer_pkgconfig" --format json)
if(NOT run_output STREQUAL cmake_report)
    message(FATAL_ERROR "pkg-config and find_package consumers disagree")
endif()

# 3. An analysis through the installed io writers, from both builds.
set(break_even breakeven --param /team/engineers --range 0:40 --format json)
run("${WORK_DIR}/build/libtco_planner" ${break_even})
set(cmake_break_even "${run_output}")
string(FIND "${cmake_break_even}" "\"crossings\"" found)
if(found EQUAL -1)
    message(FATAL_ERROR "the consumer printed no break-even:\n${cmake_break_even}")
endif()
run("${WORK_DIR}/consumer_pkgconfig" ${break_even})
if(NOT run_output STREQUAL cmake_break_even)
    message(FATAL_ERROR "pkg-config and find_package consumers disagree on a break-even")
endif()
message(STATUS "consumers agree; report written to ${WORK_DIR}/consumer-report.json")
