ALTER TABLE "job_run" ADD COLUMN "progress" jsonb;--> statement-breakpoint
ALTER TABLE "job_run" ADD COLUMN "attempt" integer DEFAULT 1 NOT NULL;