-- The ballot boxes of secret votes, beside each log, replacing
-- sealed_ballots (whose rows held the token and the choice in plain). A
-- row is keyed by a random id, never the ballot's token; its data is the
-- ballot sealed by the engine (encrypted under a key derived from the
-- assembly's signing key, padded to one size), so the database alone
-- reads nothing. A box is emptied in the transaction that closes or
-- withdraws its vote. plenum refuses to apply this migration while the
-- old table holds ballots (a secret vote open under an earlier version).
DROP TABLE sealed_ballots;
CREATE TABLE ballot_box (
	log_id BIGINT NOT NULL REFERENCES logs (id),
	box    TEXT COLLATE "C" NOT NULL,
	id     TEXT COLLATE "C" NOT NULL,
	data   BYTEA NOT NULL,
	PRIMARY KEY (log_id, box, id)
);
