-- Parking camera captures (DEV-CAM, STAT-CAP, issue 17; docs/camera.md): every plate a camera pushes and
-- every manual capture, with the parking rules' decision. The photos are JPEG files under
-- app.data_dir/captures (paths relative to app.data_dir); image_deleted = 1 once the retention sweep
-- removed them. A camera's record id (its plateid) is stored once: an offline resend of it is acknowledged
-- and not applied again.
CREATE TABLE car_capture (
  id {{ID}},
  camera_id BIGINT NOT NULL REFERENCES car_camera(id),
  station_id BIGINT NOT NULL,
  area_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  side TEXT NOT NULL DEFAULT '',
  spot_id BIGINT,
  plate TEXT NOT NULL DEFAULT '',
  color INTEGER NOT NULL DEFAULT 0,
  direction INTEGER NOT NULL DEFAULT 0,
  confidence INTEGER NOT NULL DEFAULT 0,
  record_id BIGINT NOT NULL,
  offline INTEGER NOT NULL DEFAULT 0,
  manual INTEGER NOT NULL DEFAULT 0,
  captured_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  image_path TEXT NOT NULL DEFAULT '',
  plate_image_path TEXT NOT NULL DEFAULT '',
  image_bytes BIGINT NOT NULL DEFAULT 0,
  image_deleted INTEGER NOT NULL DEFAULT 0,
  decision TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  reservation_id BIGINT,
  UNIQUE (camera_id, record_id)
);
CREATE INDEX idx_car_capture_time ON car_capture(captured_at);
CREATE INDEX idx_car_capture_station ON car_capture(station_id);
CREATE INDEX idx_car_capture_received ON car_capture(received_at);

