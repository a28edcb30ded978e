-- The ballot boxes of secret votes, beside each log: one row per sealed
-- ballot, keyed by its random token, with no time and no sequence number,
-- so that nothing stored tells which ballot was cast when or by whom. Rows
-- are written in the same transaction as the entry that records that their
-- voter voted, and read back sorted by token (by its bytes: COLLATE "C").
CREATE TABLE sealed_ballots (
	log_id BIGINT NOT NULL REFERENCES logs (id),
	box    TEXT COLLATE "C" NOT NULL,
	token  TEXT COLLATE "C" NOT NULL,
	data   BYTEA NOT NULL,
	PRIMARY KEY (log_id, box, token)
);
