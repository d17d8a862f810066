#pragma once
// Which entry of a list (cards, idTags) a simulated device uses for its k-th session.
#include <cstddef>
#include <cstdint>
#include <random>

namespace zc::sim {

// In turn: device `index` of `devices` starts at entry `index` and steps by `devices`, so no two devices use
// one entry at the same time while the list is at least as long as the fleet. Or any entry, at random.
template <class Rng>
size_t pick_entry(size_t n, size_t index, size_t devices, uint64_t k, bool random, Rng& rng) {
  if (random) return std::uniform_int_distribution<size_t>(0, n - 1)(rng);
  return static_cast<size_t>((index + k * devices) % n);
}

}  // namespace zc::sim
