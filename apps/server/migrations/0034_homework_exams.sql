ALTER TABLE "assignment" ADD COLUMN "late_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignment" ADD COLUMN "key_changes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_late_ck" CHECK ("assignment"."late_until" is null or "assignment"."late_until" > "assignment"."closes_at");--> statement-breakpoint
-- hand-written: the guard caches whether an actor may address an assignment (its classes in the
-- actor's scope); those answers are dropped when the assignment or its classes change.
CREATE TRIGGER assignment_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assignment
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
--> statement-breakpoint
CREATE TRIGGER assignment_class_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assignment_class
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
