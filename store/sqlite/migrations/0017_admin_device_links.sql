-- Links for an administrator's other devices (package auth,
-- auth/devicelink.go): a server administrator, logged in, makes a
-- one-time link that logs another device of his in as the same
-- administrator, so that his sessions page lists, and "Log out
-- everywhere else" ends, the sessions of all his devices. admin_id is
-- the administrator the link logs in as (access_sessions.admin_id); ''
-- for a link of the operator or of the first start, which logs in an
-- administrator of its own.
ALTER TABLE access_admin_tokens ADD COLUMN admin_id TEXT NOT NULL DEFAULT '' CHECK (length(admin_id) <= 64);
