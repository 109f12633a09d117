# Installs the libraries, headers, CMake package (one export set per component, so that
# find_package(delivery COMPONENTS huawei) loads neither the Tablestore targets nor protobuf),
# pkg-config files and documents; and describes the Debian package (cpack -G DEB).
include(CMakePackageConfigHelpers)
set(DELIVERY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/delivery)

foreach(component IN LISTS DELIVERY_COMPONENTS)
  install(TARGETS delivery_${component} EXPORT delivery-${component}-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Runtime NAMELINK_COMPONENT Development
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
  install(EXPORT delivery-${component}-targets NAMESPACE delivery:: DESTINATION ${DELIVERY_CMAKE_DIR}
          COMPONENT Development)
endforeach()
install(TARGETS delivery EXPORT delivery-umbrella-targets)
install(EXPORT delivery-umbrella-targets NAMESPACE delivery:: DESTINATION ${DELIVERY_CMAKE_DIR}
        COMPONENT Development)

# Headers: the common ones, those of each built component, and the generated ones.
install(FILES include/delivery/README.md DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/delivery COMPONENT Development)
install(DIRECTORY include/delivery/core DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/delivery COMPONENT Development)
set(_delivery_header_dirs_huawei huawei dis kafka)
set(_delivery_header_dirs_tablestore tablestore)
foreach(component huawei tablestore)
  if(component IN_LIST DELIVERY_COMPONENTS)
    foreach(dir IN LISTS _delivery_header_dirs_${component})
      install(DIRECTORY include/delivery/${dir} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/delivery
              COMPONENT Development)
    endforeach()
  endif()
endforeach()
# delivery::testing: only the headers of the parts built (see DELIVERY_TESTING_SOURCES), so that
# an installed single-family SDK does not offer, say, emulator.h without the code behind it.
set(_delivery_testing_headers mock_transport.h fake_clock.h)
if(DELIVERY_WITH_HUAWEI)
  list(APPEND _delivery_testing_headers dis_responses.h kafka_responses.h)
endif()
if(DELIVERY_WITH_TABLESTORE)
  list(APPEND _delivery_testing_headers tablestore_responses.h)
endif()
if(DELIVERY_WITH_EMULATOR)
  list(APPEND _delivery_testing_headers emulator.h)
endif()
list(TRANSFORM _delivery_testing_headers PREPEND include/delivery/testing/)
install(FILES ${_delivery_testing_headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/delivery/testing
        COMPONENT Development)
install(FILES ${DELIVERY_GENERATED_INCLUDE_DIR}/delivery/version.h ${DELIVERY_GENERATED_INCLUDE_DIR}/delivery/export.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/delivery COMPONENT Development)

# The CMake package.
set(DELIVERY_SHARED ${BUILD_SHARED_LIBS})
if(NOT DELIVERY_SHARED)
  set(DELIVERY_SHARED OFF)
endif()
configure_package_config_file(cmake/deliveryConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/deliveryConfig.cmake
  INSTALL_DESTINATION ${DELIVERY_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/deliveryConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/deliveryConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/deliveryConfigVersion.cmake
  DESTINATION ${DELIVERY_CMAKE_DIR} COMPONENT Development)

# Documents.
install(FILES LICENSE README.md CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT Runtime)

# pkg-config: one file per component (delivery-core, delivery-huawei, delivery-tablestore,
# delivery-testing) and delivery.pc for every production family. A static library's own
# dependencies go in Requires/Libs (what `pkg-config --libs` prints), a shared one's in the
# private fields.
set(_pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH DELIVERY_PC_TO_PREFIX ${CMAKE_INSTALL_PREFIX}/${_pc_dir} ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" DELIVERY_PC_TO_PREFIX "${DELIVERY_PC_TO_PREFIX}")
set(_pc_description_core "delivery SDK core: Result/Error, transports, retries, credentials")
set(_pc_description_huawei "delivery SDK for Huawei Cloud DIS transfer tasks and DMS Kafka tasks")
set(_pc_description_tablestore "delivery SDK for Alibaba Cloud Tablestore delivery tasks")
set(_pc_deps_core "libcurl libcrypto")
set(_pc_deps_huawei "")
set(_pc_deps_tablestore "protobuf-lite")
# delivery-testing: built on core and every family built; cpp-httplib and threads for the emulator
# (both families only). Its own code needs no protobuf: that comes with delivery-tablestore.
set(_pc_requires_testing "delivery-core")
set(_pc_testing_parts "MockTransport, FakeClock")
if(DELIVERY_WITH_HUAWEI)
  string(APPEND _pc_requires_testing " delivery-huawei")
  string(APPEND _pc_testing_parts ", DIS and Kafka canned responses")
endif()
if(DELIVERY_WITH_TABLESTORE)
  string(APPEND _pc_requires_testing " delivery-tablestore")
  string(APPEND _pc_testing_parts ", Tablestore canned responses")
endif()
set(_pc_deps_testing "")
set(_pc_libs_testing "")
if(DELIVERY_WITH_EMULATOR)
  set(_pc_deps_testing "cpp-httplib")
  set(_pc_libs_testing "-pthread")
  string(APPEND _pc_testing_parts ", the in-process emulator")
endif()
set(_pc_description_testing "delivery SDK test helpers: ${_pc_testing_parts}")
foreach(component IN LISTS DELIVERY_COMPONENTS)
  set(DELIVERY_PC_NAME delivery-${component})
  set(DELIVERY_PC_DESCRIPTION "${_pc_description_${component}}")
  set(requires "")
  if(component STREQUAL "huawei" OR component STREQUAL "tablestore")
    set(requires "delivery-core")
  elseif(component STREQUAL "testing")
    set(requires "${_pc_requires_testing}")
  endif()
  set(DELIVERY_PC_LIBS "-L\${libdir} -ldelivery_${component}")
  if(BUILD_SHARED_LIBS)
    set(DELIVERY_PC_REQUIRES "${requires}")
    set(DELIVERY_PC_REQUIRES_PRIVATE "${_pc_deps_${component}}")
    set(DELIVERY_PC_LIBS_PRIVATE "${_pc_libs_${component}}")
  else()
    string(STRIP "${requires} ${_pc_deps_${component}}" DELIVERY_PC_REQUIRES)
    set(DELIVERY_PC_REQUIRES_PRIVATE "")
    string(STRIP "${DELIVERY_PC_LIBS} ${_pc_libs_${component}}" DELIVERY_PC_LIBS)
    set(DELIVERY_PC_LIBS_PRIVATE "")
  endif()
  configure_file(cmake/delivery.pc.in ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/delivery-${component}.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/delivery-${component}.pc DESTINATION ${_pc_dir}
          COMPONENT Development)
endforeach()
set(DELIVERY_PC_NAME delivery)
set(DELIVERY_PC_DESCRIPTION "delivery SDK: every family built (${DELIVERY_COMPONENTS})")
set(DELIVERY_PC_REQUIRES "")
foreach(component IN LISTS DELIVERY_COMPONENTS)
  if(NOT component STREQUAL "testing")
    string(APPEND DELIVERY_PC_REQUIRES " delivery-${component}")
  endif()
endforeach()
string(STRIP "${DELIVERY_PC_REQUIRES}" DELIVERY_PC_REQUIRES)
set(DELIVERY_PC_REQUIRES_PRIVATE "")
set(DELIVERY_PC_LIBS "")
set(DELIVERY_PC_LIBS_PRIVATE "")
configure_file(cmake/delivery.pc.in ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/delivery.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/delivery.pc DESTINATION ${_pc_dir} COMPONENT Development)

# The Debian package: `cpack -G DEB` in the build directory (installs under /usr). A static build
# (the default) gives one development package, libdelivery-dev, which depends on the -dev
# packages its libraries need at link time. A shared build gives the runtime package
# libdelivery<soversion> (its Depends computed by dpkg-shlibdeps: libcurl4, libssl3,
# libprotobuf-lite32, libstdc++6, libc6) and libdelivery-dev on top of it.
set(CPACK_PACKAGE_NAME libdelivery)
set(CPACK_PACKAGE_VENDOR "delivery SDK")
set(CPACK_PACKAGE_CONTACT "delivery SDK maintainers <delivery@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libdevel)
set(_deb_dev_depends "libcurl4-openssl-dev | libcurl-dev, libssl-dev")
if("tablestore" IN_LIST DELIVERY_COMPONENTS)
  string(APPEND _deb_dev_depends ", libprotobuf-dev")
endif()
if(DELIVERY_WITH_EMULATOR)  # delivery::testing::Emulator
  string(APPEND _deb_dev_depends ", libcpp-httplib-dev")
endif()
if(BUILD_SHARED_LIBS)
  string(REPLACE "." "" _deb_so "${DELIVERY_SOVERSION}")
  set(CPACK_DEB_COMPONENT_INSTALL ON)
  set(CPACK_COMPONENTS_ALL Runtime Development)
  set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libdelivery${DELIVERY_SOVERSION})
  set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
  set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libdelivery-dev)
  set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
      "libdelivery${DELIVERY_SOVERSION} (= ${PROJECT_VERSION}), ${_deb_dev_depends}")
else()
  set(CPACK_DEBIAN_PACKAGE_NAME libdelivery-dev)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_deb_dev_depends}")
endif()
include(CPack)
