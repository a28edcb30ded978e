-- The wrong access codes are counted in a table (access_wrong_codes) only
-- in PostgreSQL, where several nodes share the limits: a SQLite database
-- has one serving process, which counts them in memory (auth/wrongcodes.go
-- says why). This migration keeps the number, so that both stores'
-- versions stay the same.
SELECT 1;
