-- Every row that grants power (package auth, auth/rowmac.go) carries a
-- MAC: HMAC-SHA-256 under a key derived from the server's signing key,
-- which is never in the database, over the columns that say whom the row
-- admits and until when. A row whose MAC is missing or wrong admits
-- nobody, so that whoever can write the database but does not hold the
-- key cannot make a code, a session or an administrator link. The rows
-- already here have none (NULL): plenum gives them theirs once, at its
-- first start after this migration (access_meta rows_sealed notes it),
-- so that the cards printed and the sessions open stay good across the
-- upgrade; after that a row without one is refused. The number leaves
-- room below it for migrations made beside it.
ALTER TABLE access_codes ADD COLUMN mac BLOB;
ALTER TABLE access_sessions ADD COLUMN mac BLOB;
ALTER TABLE access_admin_tokens ADD COLUMN mac BLOB;
ALTER TABLE access_device_links ADD COLUMN mac BLOB;
