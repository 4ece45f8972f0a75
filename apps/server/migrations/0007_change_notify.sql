-- Instances cache what they derive from these tables (sessions, scopes, entity checks, rosters;
-- platform/cache). Every committed change is announced on channel hanlin_changes with the table's
-- name, and the listeners drop what depends on it. Statement triggers: one notification per
-- statement and table, also for COPY; PostgreSQL folds duplicates within a transaction.
CREATE OR REPLACE FUNCTION hanlin_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hanlin_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['org_unit','term','role_assignment','person','student','teacher','teaching_assignment',
                           'teaching_class_member','guardian'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change()', t || '_notify_change', t);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Sessions: logout, second factor, role switch, expiry; not the idle-window touch (last_seen_at).
CREATE TRIGGER session_notify_change
  AFTER UPDATE OF revoked_at, mfa_passed, role_assignment_id, expires_at, account_id, person_id, token_hash
  OR DELETE OR TRUNCATE ON session
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
--> statement-breakpoint
-- The idle window only slides forward in normal use; moving it back (an operator cutting sessions
-- short) must reach the caches too.
CREATE TRIGGER session_idle_notify_change
  AFTER UPDATE OF last_seen_at ON session
  FOR EACH ROW WHEN (NEW.last_seen_at < OLD.last_seen_at) EXECUTE FUNCTION hanlin_notify_change();
--> statement-breakpoint
-- Accounts: disabling, forced password change, second-factor enrolment; not failed-login counters.
CREATE TRIGGER account_notify_change
  AFTER UPDATE OF status, must_change_password, totp_enabled, person_id OR DELETE OR TRUNCATE ON account
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
