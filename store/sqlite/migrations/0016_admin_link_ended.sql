-- Sessions ended by a new administrator link (package auth, auth/ended.go):
-- plenum access admin-link --end-sessions, the operator's way back in,
-- ends every server administrator's session, and each now leaves a note
-- in access_sessions_ended as a revocation's does, so that the browser
-- that held it is told on the login page when and how it ended. why may
-- be 'admin_link' too; ended_by is '' for it (the operator at the
-- server's console is no person of an assembly). SQLite cannot change a
-- CHECK in place: the table is made again with the rows it holds.
CREATE TABLE access_sessions_ended_0016 (
	hash     BLOB PRIMARY KEY CHECK (length(hash) = 32),
	assembly TEXT NOT NULL,
	person   TEXT NOT NULL,
	ended    INTEGER NOT NULL,
	why      TEXT NOT NULL CHECK (why IN ('revoked', 'replaced', 'elsewhere', 'admin_link')),
	ended_by TEXT NOT NULL,
	reason   TEXT NOT NULL CHECK (length(reason) <= 2000),
	expires  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO access_sessions_ended_0016 (hash, assembly, person, ended, why, ended_by, reason, expires)
	SELECT hash, assembly, person, ended, why, ended_by, reason, expires FROM access_sessions_ended;
DROP TABLE access_sessions_ended;
ALTER TABLE access_sessions_ended_0016 RENAME TO access_sessions_ended;
CREATE INDEX access_sessions_ended_expires ON access_sessions_ended (expires);
