-- The cluster's signing key (cluster_keys) is kept only in PostgreSQL: a
-- SQLite database has one writing process, so it has no cluster. This
-- migration keeps the number, so that both stores' versions stay the same.
SELECT 1;
