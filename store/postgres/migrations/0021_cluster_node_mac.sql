-- The MAC of a node's row in the cluster registry (package cluster,
-- docs/cluster.md "What the database cannot redirect"): HMAC-SHA-256,
-- under a key derived from the signing key every node shares
-- (auth.RegistryKey), over the node's name, instance and advertised
-- address, written by the node itself. A follower forwards a command (and
-- the user's cookie with it) only to an address whose MAC holds: a DBA who
-- rewrites a writer's advertise, or plants a node row, receives nothing.
-- NULL in the rows written before: each node writes its MAC at its next
-- heartbeat, and until then its row is not forwarded to.
ALTER TABLE cluster_nodes ADD COLUMN mac BYTEA;
