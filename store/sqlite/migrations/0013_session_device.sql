-- What a session keeps so that its person can tell it apart on the
-- sessions page (package auth, auth/device.go): the browser and platform
-- that logged in, each a name of auth's short list ('Chrome', 'Android')
-- or '' when unknown, never the User-Agent; and when it was last used
-- (Unix nanoseconds), written at most about once a minute per session.
-- Sessions made before this migration, or by an earlier plenum on the
-- same database, have no device ('') and were last used, as far as
-- anyone knows, when they were made.
ALTER TABLE access_sessions ADD COLUMN browser TEXT NOT NULL DEFAULT '' CHECK (length(browser) <= 32);
ALTER TABLE access_sessions ADD COLUMN platform TEXT NOT NULL DEFAULT '' CHECK (length(platform) <= 32);
ALTER TABLE access_sessions ADD COLUMN used INTEGER NOT NULL DEFAULT 0;
UPDATE access_sessions SET used = created;
