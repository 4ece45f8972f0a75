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
CREATE INDEX "audit_log_subjects_gin" ON "audit_log" USING gin ("subject_ids");--> statement-breakpoint
CREATE INDEX "audit_log_role_idx" ON "audit_log" USING btree ("actor_role","at");--> statement-breakpoint
CREATE INDEX "audit_log_unsuccessful_idx" ON "audit_log" USING btree ("at") WHERE "audit_log"."outcome" <> 'success';