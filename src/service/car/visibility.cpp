#include "service/car/visibility.hpp"

#include "storage/repositories/car_tariff.hpp"

namespace zc::car {

namespace json = boost::json;

std::vector<AppStationView> CarVisibility::stations(std::optional<int64_t> station_id) {
  auto rows = db_.read([&](db::Connection& c) { return db::car::visibility_rows(c, station_id); });
  std::vector<AppStationView> out;
  for (const auto& r : rows) {
    if (out.empty() || out.back().id != r.station_id)
      out.push_back({r.station_id, r.station_name, r.station_address, {}});
    auto& st = out.back();
    if (!r.area_id) continue;
    if (st.areas.empty() || st.areas.back().id != r.area_id) st.areas.push_back({r.area_id, r.area_name, {}});
    auto& area = st.areas.back();
    if (!r.pile_id) continue;
    if (area.piles.empty() || area.piles.back().id != r.pile_id)
      area.piles.push_back({r.pile_id, r.pile_code, r.pile_name, r.pile_status != 0, {}});
    auto& pile = area.piles.back();
    if (!r.gun_id) continue;
    pile.guns.push_back(
        {r.gun_id, r.gun_code, r.gun_no, r.gun_state, r.gun_status == 0 && r.pile_status == 0});
  }
  return out;
}

json::array CarVisibility::to_json(const std::vector<AppStationView>& stations) {
  json::array out;
  for (const auto& s : stations) {
    json::object so;
    so["id"] = s.id;
    so["name"] = s.name;
    so["address"] = s.address;
    json::array areas;
    for (const auto& a : s.areas) {
      json::object ao;
      ao["id"] = a.id;
      ao["name"] = a.name;
      json::array piles;
      for (const auto& p : a.piles) {
        json::object po;
        po["id"] = p.id;
        po["code"] = p.code;
        po["name"] = p.name;
        po["stopped"] = p.stopped;
        json::array guns;
        for (const auto& g : p.guns) {
          json::object go;
          go["id"] = g.id;
          go["code"] = g.code;
          go["gunNo"] = g.gun_no;
          go["state"] = g.state;
          go["available"] = g.available;
          guns.push_back(std::move(go));
        }
        po["guns"] = std::move(guns);
        piles.push_back(std::move(po));
      }
      ao["piles"] = std::move(piles);
      areas.push_back(std::move(ao));
    }
    so["areas"] = std::move(areas);
    out.push_back(std::move(so));
  }
  return out;
}

}  // namespace zc::car
