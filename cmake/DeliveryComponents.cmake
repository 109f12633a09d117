# One library per SDK component (core, huawei, tablestore, testing), built from one OBJECT library
# compiled once with hidden visibility (-fvisibility=hidden -fvisibility-inlines-hidden): only
# what the headers mark DELIVERY_API is exported from a shared build.
#
#   delivery_<name>          the library (static by default, shared with BUILD_SHARED_LIBS=ON),
#                            exported as delivery::<name>
#   delivery_<name>_pic      shared builds only: a static copy of the same objects. A component's
#                            internal helpers (the `detail` namespaces) are hidden in its .so, so
#                            the components built on it link this copy privately, with
#                            --exclude-libs keeping it out of their exported symbols; so do the
#                            in-tree tests and tools.
#   delivery_<name>_shared   static builds with tests only: the same objects linked as a shared
#                            library under shared-check/, so that the test suite checks the
#                            exported symbols of a shared build without compiling anything twice.
function(delivery_add_component name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE_LIBS;PRIVATE_INCLUDES" ${ARGN})
  set(objects delivery_${name}_objects)
  add_library(${objects} OBJECT ${ARG_SOURCES})
  set_target_properties(${objects} PROPERTIES POSITION_INDEPENDENT_CODE ON CXX_VISIBILITY_PRESET hidden
                                              VISIBILITY_INLINES_HIDDEN ON)
  target_compile_features(${objects} PUBLIC cxx_std_17)
  target_include_directories(${objects} PRIVATE
    ${PROJECT_SOURCE_DIR}/include ${DELIVERY_GENERATED_INCLUDE_DIR} ${PROJECT_SOURCE_DIR}/src
    ${DELIVERY_GENERATED_DIR} ${ARG_PRIVATE_INCLUDES})
  # Compile-time requirements only (include directories, definitions); the libraries link them.
  target_link_libraries(${objects} PRIVATE ${ARG_PRIVATE_LIBS})
  delivery_enable_warnings(${objects})

  set(lib delivery_${name})
  add_library(${lib} $<TARGET_OBJECTS:${objects}>)
  add_library(delivery::${name} ALIAS ${lib})
  target_include_directories(${lib} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${DELIVERY_GENERATED_INCLUDE_DIR}>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(${lib} PUBLIC cxx_std_17)
  set_target_properties(${lib} PROPERTIES EXPORT_NAME ${name} VERSION ${PROJECT_VERSION}
                                          SOVERSION ${DELIVERY_SOVERSION})
  set(deps)
  foreach(dep IN LISTS ARG_DEPENDS)
    list(APPEND deps delivery_${dep})
  endforeach()
  target_link_libraries(${lib} PUBLIC ${deps} PRIVATE ${ARG_PRIVATE_LIBS})
  if(BUILD_SHARED_LIBS)
    add_library(${lib}_pic STATIC $<TARGET_OBJECTS:${objects}>)
    target_link_libraries(${lib}_pic PUBLIC ${ARG_PRIVATE_LIBS})
    _delivery_link_private_copies(${lib} "${ARG_DEPENDS}" _pic)
  elseif(DELIVERY_BUILD_TESTS)
    add_library(${lib}_shared SHARED $<TARGET_OBJECTS:${objects}>)
    set_target_properties(${lib}_shared PROPERTIES OUTPUT_NAME ${lib} VERSION ${PROJECT_VERSION}
      SOVERSION ${DELIVERY_SOVERSION} LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/shared-check)
    set(shared_deps)
    foreach(dep IN LISTS ARG_DEPENDS)
      list(APPEND shared_deps delivery_${dep}_shared)
    endforeach()
    target_link_libraries(${lib}_shared PRIVATE ${shared_deps} ${ARG_PRIVATE_LIBS})
    _delivery_link_private_copies(${lib}_shared "${ARG_DEPENDS}" "")
  endif()
endfunction()

# Links the static copies of the components `target` is built on, hidden (--exclude-libs), after
# their shared libraries; every .so must resolve all its symbols (--no-undefined).
function(_delivery_link_private_copies target depends suffix)
  set(copies)
  foreach(dep IN LISTS depends)
    list(PREPEND copies delivery_${dep}${suffix})  # dependents before what they depend on
  endforeach()
  target_link_libraries(${target} PRIVATE ${copies})
  target_link_options(${target} PRIVATE LINKER:--exclude-libs,ALL)
  if(NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")  # clang leaves the sanitizer runtime to the program
    target_link_options(${target} PRIVATE LINKER:--no-undefined)
  endif()
endfunction()

# Adds the objects of an OBJECT library to every variant of a component (tools/ adds the emulator
# to delivery_testing this way).
function(delivery_component_add_objects name objects)
  foreach(variant delivery_${name} delivery_${name}_pic delivery_${name}_shared)
    if(TARGET ${variant})
      target_sources(${variant} PRIVATE $<TARGET_OBJECTS:${objects}>)
    endif()
  endforeach()
endfunction()
