-- Sockets of an e-bike device that never connected read 'offline', as the guns of a new pile do (issue 15
-- "Money and state that read right"): the repository now inserts new sockets 'offline' and the device's
-- status reports make them idle. Sockets written 'idle' before, on a device that is not online, are
-- corrected here.
UPDATE bike_socket SET state = 'offline'
WHERE state = 'idle' AND device_id IN (SELECT id FROM bike_device WHERE online = 0);
-- The column default follows (SQLite cannot alter a default; every insert names the state).
-- @postgres
ALTER TABLE bike_socket ALTER COLUMN state SET DEFAULT 'offline';
-- @all
