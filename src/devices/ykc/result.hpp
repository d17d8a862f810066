#pragma once
// Result<T> of the YKC codec: a value or an Error that names the offending field. Decoding never throws on
// bad input; it returns an Error instead ("a clear error naming the field").
#include <string>
#include <utility>
#include <variant>

namespace zc::ykc {

struct Error {
  std::string field;    // e.g. "pile_code", "tiers[2].energy", "cards", "slots[17]"
  std::string message;  // what is wrong, e.g. "body ends at 12 bytes, field needs 7 at offset 9"
  std::string to_string() const { return field.empty() ? message : field + ": " + message; }
  bool operator==(const Error&) const = default;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}      // NOLINT(implicit)
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(implicit)
  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace zc::ykc
