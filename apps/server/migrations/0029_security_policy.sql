CREATE TABLE "security_policy" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"policy" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_policy_one_row_ck" CHECK ("security_policy"."id" = 1)
);
--> statement-breakpoint
-- hand-written: every instance caches the policy in force (platform/auth/security-policy.ts); a
-- change is announced like those of the other cached tables (migration 0007).
CREATE TRIGGER security_policy_notify_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON security_policy
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
