-- The cookies that carried secret ballots' tokens to their receipt page,
-- opened (package web, web/secret.go; auth/opened.go): the page shows a
-- token once per cookie, and a copy of the cookie kept after the page
-- cleared it shows nothing, on any node of a cluster and after a
-- restart. nonce is the cookie's random AES-GCM nonce, which says
-- nothing of the token or the voter; a row is taken by one INSERT that
-- fails on conflict, so of two nodes opening the same cookie at once one
-- shows its token. expires is the cookie's expiry, Unix nanoseconds; rows
-- a minute past it (the nodes' clocks differ) are deleted now and then.
-- An earlier node still running on the database remembers the cookies it
-- opens in its own memory (docs/cluster.md, "Upgrading the nodes").
CREATE TABLE access_opened_cookies (
	nonce   BYTEA PRIMARY KEY CHECK (length(nonce) BETWEEN 12 AND 64),
	expires BIGINT NOT NULL
);
