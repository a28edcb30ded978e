-- Witnesses' cosignatures of stored checkpoints, one note signature line
-- ("— name base64", without its newline) per row. The checkpoints stay as
-- the log signed them; cosignatures are merged when a checkpoint is served.
CREATE TABLE cosignatures (
	log_id INTEGER NOT NULL,
	size   INTEGER NOT NULL,
	line   BLOB NOT NULL,
	PRIMARY KEY (log_id, size, line),
	FOREIGN KEY (log_id, size) REFERENCES checkpoints (log_id, size)
) WITHOUT ROWID;
