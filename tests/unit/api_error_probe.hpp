#pragma once
// The ApiError a call throws, for tests of validation rules: its code (0 = nothing thrown) and message.
#include <functional>
#include <string>

#include "core/error.hpp"

namespace zc::test {

inline int api_error_code(const std::function<void()>& f, std::string* msg = nullptr) {
  try {
    f();
  } catch (const ApiError& e) {
    if (msg) *msg = e.what();
    return e.code();
  }
  return 0;
}

}  // namespace zc::test
