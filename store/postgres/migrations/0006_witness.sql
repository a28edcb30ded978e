-- The state of a witness (plenum witness, package witness): per log it
-- follows, the tree it last cosigned, and the validly signed requests it
-- refused as inconsistent with that tree — evidence of a split view.
CREATE TABLE witness_logs (
	origin     TEXT COLLATE "C" PRIMARY KEY,
	tree_size  BIGINT NOT NULL CHECK (tree_size >= 0),
	tree_hash  TEXT NOT NULL,   -- base64, as in the checkpoint
	checkpoint BYTEA NOT NULL,  -- the checkpoint cosigned, with its signatures and the witness's
	updated    BIGINT NOT NULL  -- Unix seconds of the cosignature
);

CREATE TABLE witness_refused (
	id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	origin   TEXT COLLATE "C" NOT NULL,
	received BIGINT NOT NULL,  -- Unix seconds
	reason   TEXT NOT NULL,
	request  BYTEA NOT NULL    -- the request as received
);
CREATE INDEX witness_refused_origin ON witness_refused (origin);
