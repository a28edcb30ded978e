-- Sessions that others ended (package auth, auth/ended.go): when a
-- person's access code is revoked or replaced, or they log out of their
-- other devices from one of them, each session ended leaves a row here
-- for a while (seven days at most, and never past the session's own
-- expiry), so that the browser that still holds its cookie is told, on
-- the login page, when, why and by whom. A row is found by the SHA-256
-- of the session's token alone (the cookie's), as the session was: it
-- holds nothing that logs in, neither the token nor a code. why is
-- 'revoked', 'replaced' or 'elsewhere'; ended_by is the person id of
-- whoever ended it ('admin' for a server administrator); reason is a
-- revocation's, as the record has it. Rows past expires are deleted as
-- new ones are written. Times are Unix nanoseconds.
CREATE TABLE access_sessions_ended (
	hash     BYTEA PRIMARY KEY CHECK (length(hash) = 32),
	assembly TEXT NOT NULL,
	person   TEXT NOT NULL,
	ended    BIGINT NOT NULL,
	why      TEXT NOT NULL CHECK (why IN ('revoked', 'replaced', 'elsewhere')),
	ended_by TEXT NOT NULL,
	reason   TEXT NOT NULL CHECK (length(reason) <= 2000),
	expires  BIGINT NOT NULL
);
CREATE INDEX access_sessions_ended_expires ON access_sessions_ended (expires);
