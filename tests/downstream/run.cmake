# Downstream builds, run by ctest. Each installs the SDK from BUILD_DIR into a scratch prefix (or
# packs and unpacks the .deb), then configures, builds and runs a small consumer with the same
# compiler and flags (sanitizer builds). MODE:
#   find_package  tests/downstream: find_package(delivery) with every component; the prefix is
#                 moved first (the package is relocatable)
#   components    huawei_only/: find_package(delivery COMPONENTS huawei) with protobuf made
#                 unfindable (CMAKE_DISABLE_FIND_PACKAGE_Protobuf)
#   pkg-config    huawei_only/main.cc compiled by `c++ $(pkg-config --cflags --libs delivery-huawei)`
#   deb           `cpack -G DEB`, its Depends checked, `dpkg -x` into a scratch root, then
#                 tests/downstream built against that root
#   subproject    subproject/: a parent project that add_subdirectory()s the SDK (configure only)
#   shared        static builds: tests/downstream/main.cc (every component, the emulator) compiled
#                 against the shared libraries under shared-check/, which export only DELIVERY_API
#   huawei-testing
#                 a Huawei-only SDK (-DDELIVERY_WITH_TABLESTORE=OFF) configured from SOURCE_DIR with
#                 protobuf unfindable and without looking for cpp-httplib, built and installed; its
#                 delivery::testing must hold MockTransport, FakeClock and the DIS/Kafka canned
#                 responses and nothing that needs Tablestore, protobuf or cpp-httplib. huawei_testing/
#                 is built against it with find_package(COMPONENTS huawei testing) and with
#                 `pkg-config delivery-testing`, and run. The SDK build reuses CXX_LAUNCHER (ccache).
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

function(install_sdk prefix)
  run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
endfunction()

function(build_consumer source build prefix expect)
  run("configuring ${source}" "${CMAKE_COMMAND}" -S "${source}" -B "${build}" "-DCMAKE_PREFIX_PATH=${prefix}"
      -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" ${ARGN})
  run("building ${source}" "${CMAKE_COMMAND}" --build "${build}")
  file(GLOB programs "${build}/downstream" "${build}/huawei_only" "${build}/huawei_testing")
  # Shared builds: the installed libraries find each other through the library path, as they would
  # in any prefix the dynamic loader does not search.
  run("running ${programs}" "${CMAKE_COMMAND}" -E env "LD_LIBRARY_PATH=${prefix}/lib" ${programs})
  message(STATUS "${out}")
  if(NOT out MATCHES "${expect}")
    message(FATAL_ERROR "unexpected output from ${programs}: ${out}")
  endif()
endfunction()

set(here "${SOURCE_DIR}/tests/downstream")

# Sets `pc_dir` to the folder under WORK_DIR/prefix that holds `module`.pc and points
# PKG_CONFIG_PATH at it; fails when the module is not installed.
function(use_installed_pc module)
  file(GLOB_RECURSE pc_files "${WORK_DIR}/prefix/*/${module}.pc")
  if(NOT pc_files)
    message(FATAL_ERROR "${module}.pc is not installed")
  endif()
  get_filename_component(dir "${pc_files}" DIRECTORY)
  set(ENV{PKG_CONFIG_PATH} "${dir}")
  set(pc_dir "${dir}" PARENT_SCOPE)
endfunction()

# Compiles tests/downstream/<name>/main.cc with `flags` (what pkg-config printed) into WORK_DIR,
# runs it against the libraries in WORK_DIR/prefix and expects `expect` in its output.
function(pkg_config_consumer name flags expect)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  separate_arguments(cxx_flags UNIX_COMMAND "${CXX_FLAGS}")
  run("compiling ${name} with pkg-config flags" ${CXX_LAUNCHER} "${CXX_COMPILER}" -std=c++17 ${cxx_flags}
      "${here}/${name}/main.cc" -o "${WORK_DIR}/${name}" ${flags})
  run("running the pkg-config build of ${name}" "${CMAKE_COMMAND}" -E env "LD_LIBRARY_PATH=${WORK_DIR}/prefix/lib"
      "${WORK_DIR}/${name}")
  message(STATUS "${out}")
  if(NOT out MATCHES "${expect}")
    message(FATAL_ERROR "unexpected output from ${name}: ${out}")
  endif()
endfunction()
if(MODE STREQUAL "find_package")
  install_sdk("${WORK_DIR}/prefix")
  file(RENAME "${WORK_DIR}/prefix" "${WORK_DIR}/moved-prefix")
  build_consumer("${here}" "${WORK_DIR}/build" "${WORK_DIR}/moved-prefix" "downstream ok: task")
elseif(MODE STREQUAL "components")
  install_sdk("${WORK_DIR}/prefix")
  build_consumer("${here}/huawei_only" "${WORK_DIR}/build" "${WORK_DIR}/prefix" "huawei only ok: t1"
                 -DCMAKE_DISABLE_FIND_PACKAGE_Protobuf=ON)
elseif(MODE STREQUAL "pkg-config")
  install_sdk("${WORK_DIR}/prefix")
  use_installed_pc(delivery-huawei)
  foreach(module delivery delivery-core delivery-huawei delivery-tablestore delivery-testing)
    if(NOT EXISTS "${pc_dir}/${module}.pc")
      message(FATAL_ERROR "${module}.pc is not installed in ${pc_dir}")
    endif()
  endforeach()
  run("pkg-config" pkg-config --cflags --libs delivery-huawei)
  string(STRIP "${out}" flags)
  if(flags MATCHES "protobuf" OR NOT flags MATCHES "-ldelivery_huawei.*-ldelivery_core")
    message(FATAL_ERROR "pkg-config --cflags --libs delivery-huawei: ${flags}")
  endif()
  message(STATUS "pkg-config --cflags --libs delivery-huawei: ${flags}")
  pkg_config_consumer(huawei_only "${flags}" "huawei only ok: t1")
elseif(MODE STREQUAL "deb")
  run("cpack -G DEB" cpack -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK_DIR}/package")
  file(GLOB debs "${WORK_DIR}/package/*.deb")
  # A static build packs libdelivery-dev alone; a shared one adds the runtime package, whose
  # dependencies dpkg-shlibdeps found.
  set(expected "Package: libdelivery-dev" "libcurl4-openssl-dev" "libssl-dev" "libprotobuf-dev" "libcpp-httplib-dev")
  set(expected_count 1)
  if(SHARED)
    list(APPEND expected "Package: libdelivery0.1" "libcurl4" "libssl3" "libprotobuf-lite32" "libstdc++6")
    set(expected_count 2)
  endif()
  list(LENGTH debs count)
  if(NOT count EQUAL expected_count)
    message(FATAL_ERROR "expected ${expected_count} .deb, found: ${debs}")
  endif()
  set(fields "")
  foreach(deb IN LISTS debs)
    run("dpkg-deb -f" dpkg-deb -f "${deb}" Package Depends)
    message(STATUS "${deb}:\n${out}")
    string(APPEND fields "${out}")
    run("dpkg -x" dpkg -x "${deb}" "${WORK_DIR}/root")
  endforeach()
  foreach(dep IN LISTS expected)
    string(FIND "${fields}" "${dep}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "the packages lack '${dep}':\n${fields}")
    endif()
  endforeach()
  foreach(doc LICENSE README.md CHANGELOG.md)
    if(NOT EXISTS "${WORK_DIR}/root/usr/share/doc/delivery/${doc}")
      message(FATAL_ERROR "${doc} is not in the package (usr/share/doc/delivery)")
    endif()
  endforeach()
  build_consumer("${here}" "${WORK_DIR}/build" "${WORK_DIR}/root/usr" "downstream ok: task")
elseif(MODE STREQUAL "subproject")
  run("configuring the parent project" "${CMAKE_COMMAND}" -S "${here}/subproject" -B "${WORK_DIR}/build"
      "-DDELIVERY_SOURCE_DIR=${SOURCE_DIR}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
  if(NOT out MATCHES "subproject checks passed")
    message(FATAL_ERROR "the parent project's checks did not run:\n${out}")
  endif()
  if(EXISTS "${WORK_DIR}/build/delivery/cmake_install.cmake")
    file(READ "${WORK_DIR}/build/delivery/cmake_install.cmake" install_script)
    if(install_script MATCHES "libdelivery|deliveryConfig")
      message(FATAL_ERROR "the subproject installs itself")
    endif()
  endif()
  message(STATUS "subproject checks passed")
elseif(MODE STREQUAL "shared")
  separate_arguments(cxx_flags UNIX_COMMAND "${CXX_FLAGS}")
  run("compiling against the shared libraries" "${CXX_COMPILER}" -std=c++17 ${cxx_flags} "${here}/main.cc"
      -o "${WORK_DIR}/downstream" "-I${SOURCE_DIR}/include" "-I${BUILD_DIR}/generated-include"
      "-L${BUILD_DIR}/shared-check" "-Wl,-rpath,${BUILD_DIR}/shared-check"
      -ldelivery_testing -ldelivery_tablestore -ldelivery_huawei -ldelivery_core)
  run("running the shared build" "${WORK_DIR}/downstream")
  message(STATUS "${out}")
  if(NOT out MATCHES "downstream ok: task")
    message(FATAL_ERROR "unexpected output: ${out}")
  endif()
elseif(MODE STREQUAL "huawei-testing")
  set(launcher "")
  if(CXX_LAUNCHER)
    set(launcher "-DCMAKE_CXX_COMPILER_LAUNCHER=${CXX_LAUNCHER}")
  endif()
  if(NOT SHARED)
    set(SHARED OFF)
  endif()
  # Build type None (as Debian's packaging tools use it): CXX_FLAGS alone, no optimization and no
  # debug information, which compiles in about two thirds of the time of Release; what this checks
  # is the configuration and the package, not the code generation.
  run("configuring a Huawei-only SDK" "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}/sdk"
      -DDELIVERY_WITH_TABLESTORE=OFF -DCMAKE_DISABLE_FIND_PACKAGE_Protobuf=ON
      -DDELIVERY_BUILD_TESTS=OFF -DDELIVERY_BUILD_EXAMPLES=OFF -DDELIVERY_BUILD_TOOLS=OFF -DDELIVERY_BUILD_BENCH=OFF
      -DCMAKE_BUILD_TYPE=None "-DBUILD_SHARED_LIBS=${SHARED}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
      "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" ${launcher})
  file(READ "${WORK_DIR}/sdk/CMakeCache.txt" cache)
  if(cache MATCHES "HTTPLIB")
    message(FATAL_ERROR "the Huawei-only SDK looked for cpp-httplib (it has no emulator)")
  endif()
  run("building the Huawei-only SDK" "${CMAKE_COMMAND}" --build "${WORK_DIR}/sdk" --parallel 2)
  run("installing the Huawei-only SDK" "${CMAKE_COMMAND}" --install "${WORK_DIR}/sdk" --prefix "${WORK_DIR}/prefix")
  set(include "${WORK_DIR}/prefix/include/delivery")
  foreach(header testing/mock_transport.h testing/fake_clock.h testing/dis_responses.h testing/kafka_responses.h)
    if(NOT EXISTS "${include}/${header}")
      message(FATAL_ERROR "the Huawei-only install lacks delivery/${header}")
    endif()
  endforeach()
  foreach(header testing/tablestore_responses.h testing/emulator.h tablestore)
    if(EXISTS "${include}/${header}")
      message(FATAL_ERROR "the Huawei-only install has delivery/${header}, whose code it was built without")
    endif()
  endforeach()
  use_installed_pc(delivery-testing)
  run("pkg-config" pkg-config --cflags --libs --static delivery-testing)
  string(STRIP "${out}" static_flags)
  run("pkg-config" pkg-config --cflags --libs delivery-testing)
  string(STRIP "${out}" flags)
  run("pkg-config" pkg-config --print-requires --print-requires-private delivery-testing)
  string(REPLACE "\n" " " requires "${out}")
  message(STATUS "pkg-config delivery-testing: ${flags}; requires: ${requires}")
  if("${static_flags} ${requires}" MATCHES "protobuf|httplib|tablestore" OR
     NOT flags MATCHES "-ldelivery_testing.*-ldelivery_huawei.*-ldelivery_core")
    message(FATAL_ERROR "pkg-config delivery-testing: ${flags} (--static: ${static_flags}; requires: ${requires})")
  endif()
  build_consumer("${here}/huawei_testing" "${WORK_DIR}/build" "${WORK_DIR}/prefix" "huawei testing ok: t1"
                 -DCMAKE_DISABLE_FIND_PACKAGE_Protobuf=ON ${launcher})
  pkg_config_consumer(huawei_testing "${flags}" "huawei testing ok: t1")
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()
