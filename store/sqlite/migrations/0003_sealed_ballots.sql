-- The ballot boxes of secret votes, beside each log: one row per sealed
-- ballot, keyed by its random token, with no time and no sequence number
-- (and no rowid), so that nothing stored tells which ballot was cast when
-- or by whom. Rows are written in the same transaction as the entry that
-- records that their voter voted, and read back sorted by token.
CREATE TABLE sealed_ballots (
	log_id INTEGER NOT NULL REFERENCES logs (id),
	box    TEXT NOT NULL,
	token  TEXT NOT NULL,
	data   BLOB NOT NULL,
	PRIMARY KEY (log_id, box, token)
) WITHOUT ROWID;
