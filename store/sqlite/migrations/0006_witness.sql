-- The state of a witness (plenum witness, package witness): per log it
-- follows, the tree it last cosigned, and the validly signed requests it
-- refused as inconsistent with that tree — evidence of a split view.
CREATE TABLE witness_logs (
	origin     TEXT PRIMARY KEY,
	tree_size  INTEGER NOT NULL CHECK (tree_size >= 0),
	tree_hash  TEXT NOT NULL,   -- base64, as in the checkpoint
	checkpoint BLOB NOT NULL,   -- the checkpoint cosigned, with its signatures and the witness's
	updated    INTEGER NOT NULL -- Unix seconds of the cosignature
) WITHOUT ROWID;

CREATE TABLE witness_refused (
	id       INTEGER PRIMARY KEY,
	origin   TEXT NOT NULL,
	received INTEGER NOT NULL, -- Unix seconds
	reason   TEXT NOT NULL,
	request  BLOB NOT NULL     -- the request as received
);
CREATE INDEX witness_refused_origin ON witness_refused (origin);
