# Warnings for the project's own targets.
function(delivery_enable_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(DELIVERY_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
