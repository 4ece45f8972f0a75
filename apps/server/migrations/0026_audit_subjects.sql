CREATE TABLE "audit_saved_search" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "subject_ids" uuid[];--> statement-breakpoint
CREATE INDEX "audit_saved_search_owner_idx" ON "audit_saved_search" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "person_name_idx" ON "person" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "audit_log_bulk_idx" ON "audit_log" USING btree ("at") WHERE "audit_log"."subject_ids" is not null;--> statement-breakpoint
CREATE INDEX "audit_log_role_idx" ON "audit_log" USING btree ("actor_role","at");--> statement-breakpoint
CREATE INDEX "audit_log_unsuccessful_idx" ON "audit_log" USING btree ("at") WHERE "audit_log"."outcome" <> 'success';