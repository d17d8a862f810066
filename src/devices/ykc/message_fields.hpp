#pragma once
// The field-list macros of the typed YKC messages (messages.hpp explains the scheme): a message lists
// its fields once, as (kind, member[, limit]) in wire order; the kinds are the members of wire::Reader /
// wire::Writer (wire.hpp).
#include <cstdint>

namespace zc::ykc {

enum class Direction : uint8_t { up, down };  // up = pile → platform

// A frame's type code and direction.
#define ZC_YKC_FRAME(code, dir)          \
  static constexpr uint8_t kType = code; \
  static constexpr Direction kDir = Direction::dir

// ZC_YKC_FIELDS(Name, (kind, member[, limit])…): fields(F&) over that list, and memberwise ==.
#define ZC_YKC_FIELDS(Name, ...) \
  ZC_YKC_FIELD_LIST(__VA_ARGS__) \
  bool operator==(const Name&) const = default;
#define ZC_YKC_FIELD_LIST(...)                 \
  template <class F>                           \
  void fields(F& f) {                          \
    ZC_YKC_FOR_EACH(ZC_YKC_FIELD, __VA_ARGS__) \
  }
// ZC_YKC_EXTENDS(Base, Name, …): a frame that is Base's fields followed by its own (the V1.6 parallel
// frames).
#define ZC_YKC_EXTENDS(Base, Name, ...)        \
  template <class F>                           \
  void fields(F& f) {                          \
    Base::fields(f);                           \
    ZC_YKC_FOR_EACH(ZC_YKC_FIELD, __VA_ARGS__) \
  }                                            \
  bool operator==(const Name&) const = default;
#define ZC_YKC_FIELD(kind, member, ...) f.kind(member, #member __VA_OPT__(, ) __VA_ARGS__);
// ZC_YKC_FOR_EACH(M, (a…), (b…)…) → M(a…) M(b…) …, for up to 256 items (the usual __VA_OPT__ recursion).
#define ZC_YKC_PARENS ()
#define ZC_YKC_EXPAND(...) ZC_YKC_EXPAND3(ZC_YKC_EXPAND3(ZC_YKC_EXPAND3(ZC_YKC_EXPAND3(__VA_ARGS__))))
#define ZC_YKC_EXPAND3(...) ZC_YKC_EXPAND2(ZC_YKC_EXPAND2(ZC_YKC_EXPAND2(ZC_YKC_EXPAND2(__VA_ARGS__))))
#define ZC_YKC_EXPAND2(...) ZC_YKC_EXPAND1(ZC_YKC_EXPAND1(ZC_YKC_EXPAND1(ZC_YKC_EXPAND1(__VA_ARGS__))))
#define ZC_YKC_EXPAND1(...) __VA_ARGS__
#define ZC_YKC_FOR_EACH(M, ...) __VA_OPT__(ZC_YKC_EXPAND(ZC_YKC_FOR_EACH_STEP(M, __VA_ARGS__)))
#define ZC_YKC_FOR_EACH_STEP(M, item, ...) \
  M item __VA_OPT__(ZC_YKC_FOR_EACH_AGAIN ZC_YKC_PARENS(M, __VA_ARGS__))
#define ZC_YKC_FOR_EACH_AGAIN() ZC_YKC_FOR_EACH_STEP

}  // namespace zc::ykc
