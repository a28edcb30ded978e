-- The cluster (package cluster, docs/cluster.md): the plenum nodes on this
-- database, and per log the writer's lease. Times are the database
-- server's clock, the one clock every node agrees on.
CREATE TABLE cluster_nodes (
	name      TEXT COLLATE "C" PRIMARY KEY,  -- --node-name
	instance  TEXT NOT NULL,                 -- random per process start: two processes with one name are told apart
	advertise TEXT NOT NULL,                 -- --advertise, the URL other nodes reach it at
	started   TIMESTAMPTZ NOT NULL,
	last_seen TIMESTAMPTZ NOT NULL,          -- its latest heartbeat
	stopped   TIMESTAMPTZ                    -- set by a clean shutdown
);

-- One row per log that has ever had a writer. token rises by one at every
-- acquisition and is never reused: an append is fenced on (log, token,
-- expires > now) in its own transaction. A released lease keeps its row
-- with expires set to the moment of release.
CREATE TABLE cluster_leases (
	log      TEXT COLLATE "C" PRIMARY KEY,   -- the log's origin, as in logs.origin
	holder   TEXT NOT NULL,                  -- the node's name
	instance TEXT NOT NULL,                  -- the node's instance
	token    BIGINT NOT NULL CHECK (token > 0),
	since    TIMESTAMPTZ NOT NULL,           -- acquired
	renewed  TIMESTAMPTZ NOT NULL,
	expires  TIMESTAMPTZ NOT NULL
);
