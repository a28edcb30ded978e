-- Access codes, sessions and the server administrator's one-time login
-- tokens (package auth), beside the record and never in it: each code and
-- token is stored only as the SHA-256 of its text. Times are Unix
-- nanoseconds.
CREATE TABLE access_codes (
	hash     BLOB PRIMARY KEY,
	assembly TEXT NOT NULL,
	person   TEXT NOT NULL,
	created  INTEGER NOT NULL,
	expires  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX access_codes_person ON access_codes (assembly, person);

CREATE TABLE access_sessions (
	hash     BLOB PRIMARY KEY,
	assembly TEXT NOT NULL,
	person   TEXT NOT NULL,
	admin    BOOLEAN NOT NULL,
	created  INTEGER NOT NULL,
	expires  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX access_sessions_person ON access_sessions (assembly, person);

CREATE TABLE access_admin_tokens (
	hash    BLOB PRIMARY KEY,
	expires INTEGER NOT NULL
) WITHOUT ROWID;

-- Facts about access as a whole: 'admin_used' once a server
-- administrator has logged in; 'imported' when access.db was taken over.
CREATE TABLE access_meta (
	k TEXT PRIMARY KEY,
	v TEXT NOT NULL
) WITHOUT ROWID;
