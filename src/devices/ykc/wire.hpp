#pragma once
// Internal to the codec: the field visitors that turn a message struct's fields(F&) description into a
// decoder (Reader) and an encoder (Writer). One description per frame keeps decode and encode symmetric.
// Included by messages.cpp only.
#include <cstring>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "devices/ykc/encoding.hpp"
#include "devices/ykc/result.hpp"
#include "domain/tariff/ykc_billing_model.hpp"

namespace zc::ykc::wire {

class Reader {
 public:
  explicit Reader(std::span<const uint8_t> in) : in_(in) {}

  bool ok() const { return !err_; }
  const Error& error() const { return *err_; }
  size_t remaining() const { return err_ ? 0 : in_.size() - pos_; }
  size_t position() const { return pos_; }

  void u8(uint8_t& v, const char* name) {
    if (auto p = take(1, name)) v = *p;
  }
  void u16(uint16_t& v, const char* name) {
    if (auto p = take(2, name)) v = static_cast<uint16_t>(get_le(p, 2));
  }
  void u24(uint32_t& v, const char* name) {
    if (auto p = take(3, name)) v = static_cast<uint32_t>(get_le(p, 3));
  }
  void u32(uint32_t& v, const char* name) {
    if (auto p = take(4, name)) v = static_cast<uint32_t>(get_le(p, 4));
  }
  void u40(uint64_t& v, const char* name) {
    if (auto p = take(5, name)) v = get_le(p, 5);
  }
  template <size_t N>
  void raw(std::array<uint8_t, N>& v, const char* name) {
    if (auto p = take(N, name)) std::memcpy(v.data(), p, N);
  }
  template <size_t N>
  void bcd(Bcd<N>& v, const char* name) {
    raw(v.bytes, name);
  }
  template <size_t N>
  void ascii(Ascii<N>& v, const char* name) {
    raw(v.bytes, name);
  }
  void vin_reversed(Vin& v, const char* name) {
    if (auto p = take(17, name))
      for (size_t i = 0; i < 17; ++i) v.bytes[i] = p[16 - i];
  }
  void time(Cp56Time2a& v, const char* name) { raw(v.bytes, name); }
  void model_no(uint16_t& v, const char* name) {
    std::array<uint8_t, 2> b{};
    raw(b, name);
    if (!ok()) return;
    if (auto n = bcd2_value(b))
      v = *n;
    else
      fail(name, "not BCD: " + hex2(b));
  }
  void billing_model(tariff::YkcBillingModel& m) {
    model_no(m.model_no, "model_no");
    static constexpr const char* kEnergy[] = {"sharp_energy_rate", "peak_energy_rate", "flat_energy_rate",
                                              "valley_energy_rate"};
    static constexpr const char* kService[] = {"sharp_service_rate", "peak_service_rate", "flat_service_rate",
                                               "valley_service_rate"};
    for (size_t t = 0; t < m.rates.size(); ++t) {
      u32(m.rates[t].energy, kEnergy[t]);
      u32(m.rates[t].service, kService[t]);
    }
    u8(m.loss_ratio, "loss_ratio");
    raw(m.slots, "slots");
    if (!ok()) return;
    for (size_t k = 0; k < m.slots.size(); ++k) {
      if (m.slots[k] > 3) {
        fail(("slots[" + std::to_string(k) + "]").c_str(),
             "tier code " + std::to_string(m.slots[k]) + " not in 0..3");
        return;
      }
    }
  }
  // u8 count, then that many items.
  template <class E>
  void counted(std::vector<E>& items, const char* name, size_t item_size) {
    uint8_t n = 0;
    u8(n, name);
    if (!ok()) return;
    if (size_t{n} * item_size > remaining()) {
      fail(name, "count " + std::to_string(n) + " × " + std::to_string(item_size) + " bytes exceeds the " +
                     std::to_string(remaining()) + " bytes left");
      return;
    }
    items_(items, name, n);
  }
  // Items up to the end of the body.
  template <class E>
  void rest(std::vector<E>& items, const char* name, size_t item_size) {
    if (!ok()) return;
    if (remaining() % item_size != 0) {
      fail(name,
           std::to_string(remaining()) + " bytes left is not a multiple of " + std::to_string(item_size));
      return;
    }
    items_(items, name, remaining() / item_size);
  }
  void prefixed8(std::string& s, const char* name) {
    uint8_t n = 0;
    u8(n, name);
    bytes_(s, name, n);
  }
  void prefixed16(std::string& s, const char* name) {
    uint16_t n = 0;
    u16(n, name);
    bytes_(s, name, n);
  }
  void rest_bytes(std::string& s, const char* name) { bytes_(s, name, remaining()); }

  void fail(const char* name, std::string message) {
    if (err_) return;
    std::string field = list_ ? std::string(list_) + "[" + std::to_string(index_) + "]." + name : name;
    err_ = Error{std::move(field), std::move(message)};
  }

 private:
  const uint8_t* take(size_t n, const char* name) {
    if (err_) return nullptr;
    if (in_.size() - pos_ < n) {
      fail(name, "body ends at " + std::to_string(in_.size()) + " bytes; field needs " + std::to_string(n) +
                     " at offset " + std::to_string(pos_));
      return nullptr;
    }
    const uint8_t* p = in_.data() + pos_;
    pos_ += n;
    return p;
  }
  void bytes_(std::string& s, const char* name, size_t n) {
    if (auto p = take(n, name)) s.assign(reinterpret_cast<const char*>(p), n);
  }
  template <class E>
  void items_(std::vector<E>& items, const char* name, size_t n) {
    items.clear();
    items.resize(n);
    const char* outer = list_;
    list_ = name;
    for (size_t i = 0; i < n && ok(); ++i) {
      index_ = i;
      items[i].fields(*this);
    }
    list_ = outer;
  }
  static std::string hex2(std::array<uint8_t, 2> b) {
    static constexpr char k[] = "0123456789ABCDEF";
    return {k[b[0] >> 4], k[b[0] & 0xF], ' ', k[b[1] >> 4], k[b[1] & 0xF]};
  }

  std::span<const uint8_t> in_;
  size_t pos_ = 0;
  std::optional<Error> err_;
  const char* list_ = nullptr;
  size_t index_ = 0;
};

class Writer {
 public:
  explicit Writer(std::vector<uint8_t>& out) : out_(out) {}

  void u8(const uint8_t& v, const char*) { out_.push_back(v); }
  void u16(const uint16_t& v, const char*) { le(v, 2); }
  void u24(const uint32_t& v, const char*) { le(v, 3); }
  void u32(const uint32_t& v, const char*) { le(v, 4); }
  void u40(const uint64_t& v, const char*) { le(v, 5); }
  template <size_t N>
  void raw(const std::array<uint8_t, N>& v, const char*) {
    out_.insert(out_.end(), v.begin(), v.end());
  }
  template <size_t N>
  void bcd(const Bcd<N>& v, const char* name) {
    raw(v.bytes, name);
  }
  template <size_t N>
  void ascii(const Ascii<N>& v, const char* name) {
    raw(v.bytes, name);
  }
  void vin_reversed(const Vin& v, const char*) { out_.insert(out_.end(), v.bytes.rbegin(), v.bytes.rend()); }
  void time(const Cp56Time2a& v, const char* name) { raw(v.bytes, name); }
  void model_no(const uint16_t& v, const char* name) { raw(bcd2_bytes(v), name); }  // > 9999 throws
  void billing_model(const tariff::YkcBillingModel& m) {
    model_no(m.model_no, "model_no");
    for (const auto& r : m.rates) {
      u32(r.energy, "");
      u32(r.service, "");
    }
    u8(m.loss_ratio, "");
    raw(m.slots, "");
  }
  template <class E>
  void counted(const std::vector<E>& items, const char* name, size_t) {
    if (items.size() > 255) throw std::length_error(std::string(name) + ": more than 255 entries");
    out_.push_back(static_cast<uint8_t>(items.size()));
    for (const auto& e : items) const_cast<E&>(e).fields(*this);
  }
  template <class E>
  void rest(const std::vector<E>& items, const char*, size_t) {
    for (const auto& e : items) const_cast<E&>(e).fields(*this);
  }
  void prefixed8(const std::string& s, const char* name) {
    if (s.size() > 255) throw std::length_error(std::string(name) + ": longer than 255 bytes");
    out_.push_back(static_cast<uint8_t>(s.size()));
    out_.insert(out_.end(), s.begin(), s.end());
  }
  void prefixed16(const std::string& s, const char* name) {
    if (s.size() > 0xFFFF) throw std::length_error(std::string(name) + ": longer than 65535 bytes");
    le(s.size(), 2);
    out_.insert(out_.end(), s.begin(), s.end());
  }
  void rest_bytes(const std::string& s, const char*) { out_.insert(out_.end(), s.begin(), s.end()); }

 private:
  void le(uint64_t v, size_t width) {
    for (size_t i = 0; i < width; ++i, v >>= 8) out_.push_back(static_cast<uint8_t>(v & 0xFF));
  }
  std::vector<uint8_t>& out_;
};

}  // namespace zc::ykc::wire
