-- Device gateway for e-bike devices over OCPP 1.6J (issue 5, docs/ocpp.md). bike_device already has
-- what the gateway needs (code, factory_no, protocol, status, online, last_seen; bike_socket.state),
-- so this adds only the indexes the online/offline log needs once bike rows are in it: data scope and
-- the station filters of STAT-ONLINE select by station (car or bike).
CREATE INDEX idx_device_online_log_car_station ON device_online_log(car_station_id);
CREATE INDEX idx_device_online_log_bike_station ON device_online_log(bike_station_id);
