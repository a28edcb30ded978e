-- Sessions ended by a new administrator link (package auth, auth/ended.go):
-- plenum access admin-link --end-sessions, the operator's way back in,
-- ends every server administrator's session, and each now leaves a note
-- in access_sessions_ended as a revocation's does, so that the browser
-- that held it is told on the login page when and how it ended. why may
-- be 'admin_link' too; ended_by is '' for it (the operator at the
-- server's console is no person of an assembly). An earlier plenum node
-- still running on the database writes only the other three.
ALTER TABLE access_sessions_ended
	DROP CONSTRAINT access_sessions_ended_why_check,
	ADD CONSTRAINT access_sessions_ended_why_check CHECK (why IN ('revoked', 'replaced', 'elsewhere', 'admin_link'));
