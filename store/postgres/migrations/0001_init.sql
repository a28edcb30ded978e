-- The logs, one per assembly, with their committed size and latest
-- signed checkpoint (the head). Origins sort by their bytes (COLLATE "C"),
-- as Go sorts strings, whatever the database's locale.
CREATE TABLE logs (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	origin     TEXT COLLATE "C" NOT NULL UNIQUE,
	size       BIGINT NOT NULL DEFAULT 0 CHECK (size >= 0),
	checkpoint BYTEA NOT NULL
);

-- Every entry exactly as hashed, with the tlog hashes its append stored
-- (concatenated 32-byte hashes: level 0 first).
CREATE TABLE entries (
	log_id BIGINT NOT NULL REFERENCES logs (id),
	idx    BIGINT NOT NULL,
	data   BYTEA NOT NULL,
	hashes BYTEA NOT NULL,
	PRIMARY KEY (log_id, idx)
);

-- Every signed checkpoint, one per committed batch, by tree size.
CREATE TABLE checkpoints (
	log_id BIGINT NOT NULL REFERENCES logs (id),
	size   BIGINT NOT NULL,
	data   BYTEA NOT NULL,
	PRIMARY KEY (log_id, size)
);

-- Payloads too large for an entry, by SHA-256.
CREATE TABLE blobs (
	sha256 BYTEA PRIMARY KEY CHECK (length(sha256) = 32),
	data   BYTEA NOT NULL
);
