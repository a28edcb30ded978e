-- The key a cluster's logs are signed with (docs/cluster.md): one row per
-- server name (the first part of every origin), inserted once by the first
-- node that starts, and compared by every node before it signs anything,
-- so that two nodes started at once on an empty database cannot sign with
-- two keys.
CREATE TABLE cluster_keys (
	server   TEXT COLLATE "C" PRIMARY KEY,  -- --name
	verifier TEXT NOT NULL,                 -- the verifier key (note.Verifier text)
	node     TEXT NOT NULL,                 -- the node that recorded it
	recorded TIMESTAMPTZ NOT NULL DEFAULT now()
);
