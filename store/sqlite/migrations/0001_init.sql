-- The logs, one per assembly, with their committed size and latest
-- signed checkpoint (the head).
CREATE TABLE logs (
	id         INTEGER PRIMARY KEY,
	origin     TEXT NOT NULL UNIQUE,
	size       INTEGER NOT NULL DEFAULT 0,
	checkpoint BLOB NOT NULL
);

-- Every entry exactly as hashed, with the tlog hashes its append stored
-- (concatenated 32-byte hashes: level 0 first).
CREATE TABLE entries (
	log_id INTEGER NOT NULL REFERENCES logs (id),
	idx    INTEGER NOT NULL,
	data   BLOB NOT NULL,
	hashes BLOB NOT NULL,
	PRIMARY KEY (log_id, idx)
) WITHOUT ROWID;

-- Every signed checkpoint, one per committed batch, by tree size.
CREATE TABLE checkpoints (
	log_id INTEGER NOT NULL REFERENCES logs (id),
	size   INTEGER NOT NULL,
	data   BLOB NOT NULL,
	PRIMARY KEY (log_id, size)
) WITHOUT ROWID;

-- Payloads too large for an entry, by SHA-256.
CREATE TABLE blobs (
	sha256 BLOB PRIMARY KEY,
	data   BLOB NOT NULL
) WITHOUT ROWID;
