-- Which server administrator a session is (package auth): every server
-- administrator acts as the one person 'admin' in the record, but each
-- logs in with a one-time link of his own, and sees and ends on the
-- sessions page only the sessions of that link. admin_id is the id of
-- the link that made the session (the first 16 bytes of its token's
-- SHA-256, in hex), '' for a person's session. An administrator's
-- session made before this migration, or by an earlier plenum node
-- still running on the database (whose inserts do not name the column),
-- has '' and is taken for an administrator of its own.
ALTER TABLE access_sessions ADD COLUMN admin_id TEXT NOT NULL DEFAULT '' CHECK (length(admin_id) <= 64);
