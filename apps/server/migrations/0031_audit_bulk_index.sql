DROP INDEX "audit_log_subjects_gin";--> statement-breakpoint
CREATE INDEX "person_name_idx" ON "person" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "audit_log_bulk_idx" ON "audit_log" USING btree ("at") WHERE "audit_log"."subject_ids" is not null;