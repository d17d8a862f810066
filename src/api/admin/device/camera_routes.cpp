#include "api/admin/device/camera_routes.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "devices/device_password.hpp"
#include "http/envelope.hpp"
#include "storage/repositories/capture_repo.hpp"
#include "storage/repositories/car_asset.hpp"
#include "storage/repositories/device_repo.hpp"

namespace zc::api {

using http::Request;
namespace json = boost::json;

std::string new_camera_secret(db::Database& db, int64_t camera_id, const std::string& by) {
  std::string secret = crypto::random_password(24);
  auto [salt, hash] = devices::hash_device_password(secret);
  db.write([&](db::Connection& c) {
    db::dev::DeviceRepo(c).set_secret("car_camera", camera_id, salt, hash, by, now_ms());
  });
  return secret;
}

static void camera_in_scope(db::Database& db, int64_t id, const Principal& p) {
  if (!db.read([&](db::Connection& c) { return db::car::CameraRepo(c).in_scope(id, p.scope); }))
    fail_not_found("相机不存在");
}

void register_camera_routes(http::Router& r, CameraApiContext ctx) {
  // The cameras' push URL: http://host:port/camera/vzenith?key=<secret> (docs/camera.md).
  r.post("/camera/vzenith",
         {.is_public = true, .unlimited = true, .body_limit = std::max<int64_t>(1, ctx.cfg.camera.body_limit)},
         [ctx](Request& q) {
           devices::camera::CameraRequest in;
           if (auto it = q.query.find("sn"); it != q.query.end()) in.serial = it->second;
           if (auto it = q.query.find("key"); it != q.query.end()) in.key = it->second;
           in.remote_ip = q.remote_ip;
           in.body = std::move(q.body);
           auto out = ctx.gateway.handle(std::move(in));
           http::Response res;
           res.status = out.status;
           res.body = std::move(out.body);
           return res;
         });

  r.put("/car/camera/{id}/secret",
        {.permission = "car:camera:edit", .log_title = "相机接入密钥", .op = http::Op::edit},
        [ctx](Request& q) {
          int64_t id = q.id_param("id");
          camera_in_scope(ctx.db, id, q.user());
          json::object o;
          o["secret"] = new_camera_secret(ctx.db, id, q.user().user_name);
          return http::ok(std::move(o));
        });

  r.get("/stat/capture/list", {.permission = "stat:capture:list"}, [ctx](Request& q) {
    auto page =
        ctx.db.read([&](db::Connection& c) { return db::car::CaptureRepo(c).list(q.query, q.user().scope); });
    return http::ok_rows(std::move(page.rows), page.total);
  });

  // The photo of a capture (kind=plate: the plate crop). Outside the user's scope = 404.
  r.get("/stat/capture/{id}/image", {.permission = "stat:capture:list"}, [ctx](Request& q) {
    int64_t id = q.id_param("id");
    auto kind = q.query.find("kind");
    bool plate = kind != q.query.end() && kind->second == "plate";
    auto path = ctx.db.read(
        [&](db::Connection& c) { return db::car::CaptureRepo(c).image_path(id, plate, q.user().scope); });
    if (!path) fail_not_found("抓拍记录不存在");
    if (path->empty()) fail_not_found("照片不存在或已过保留期");
    std::ifstream f(std::filesystem::path(ctx.cfg.app.data_dir) / *path, std::ios::binary);
    if (!f) fail_not_found("照片不存在或已过保留期");
    std::ostringstream ss;
    ss << f.rdbuf();
    http::Response res;
    res.content_type = "image/jpeg";
    res.body = ss.str();
    res.headers.emplace_back("Cache-Control", "private, max-age=3600");
    return res;
  });
}

}  // namespace zc::api
