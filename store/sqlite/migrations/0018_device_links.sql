-- An administrator's device links (package auth, auth/devicelink.go) in
-- a table of their own, out of access_admin_tokens, where migration 0017
-- had put them, as on PostgreSQL (where an earlier plenum node still
-- running on the same database took a device link there for the
-- operator's, and logged its device in as an administrator of its own).
-- session is the SHA-256 of the token of the session that made the link
-- (access_sessions.hash): the link logs in only while that session
-- lives, so it dies with it (a logout, "Log out everywhere else" from
-- another device, the operator's --end-sessions, its expiry). admin_id
-- is the administrator it logs in as (access_sessions.admin_id);
-- expires, Unix nanoseconds, never past the session's. The device links
-- 0017 left unused (ten minutes at most) are dropped: the administrator
-- makes another.
CREATE TABLE access_device_links (
	hash     BLOB PRIMARY KEY CHECK (length(hash) = 32),
	admin_id TEXT NOT NULL CHECK (admin_id <> '' AND length(admin_id) <= 64),
	session  BLOB NOT NULL CHECK (length(session) = 32),
	expires  INTEGER NOT NULL
) WITHOUT ROWID;
DELETE FROM access_admin_tokens WHERE admin_id <> '';
