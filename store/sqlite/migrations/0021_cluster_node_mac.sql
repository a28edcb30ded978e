-- The MAC of a node's row in the cluster registry is kept only in
-- PostgreSQL: a SQLite database has one writing process, so it has no
-- cluster. This migration keeps the number, so that both stores' versions
-- stay the same.
SELECT 1;
