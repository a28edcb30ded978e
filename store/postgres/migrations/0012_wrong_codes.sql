-- The wrong access codes (and wrong administrator links) tried lately
-- (package auth, auth/wrongcodes.go), counted here so that every node on
-- the database shares the limits: one row per client address, keyed
-- 'ip:' and the address (an IPv4 address or an IPv6 /64 network), and the
-- row 'all' for all addresses together. A row counts the wrong codes since
-- the start of its window, by the database server's clock; the first wrong
-- code after the window has ended starts a new one. Rows whose window has
-- ended are deleted now and then. No index but the key: the table holds
-- the addresses of one window, and an update of count alone stays a HOT
-- update.
CREATE TABLE access_wrong_codes (
	client TEXT COLLATE "C" PRIMARY KEY,
	since  TIMESTAMPTZ NOT NULL,
	count  BIGINT NOT NULL CHECK (count > 0)
);
