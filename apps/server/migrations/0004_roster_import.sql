CREATE TABLE "import_job" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'validating' NOT NULL,
	"idempotency_key" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text,
	"file_enc" "bytea",
	"created_by" uuid NOT NULL,
	"actor_role" text NOT NULL,
	"org_path" "ltree" NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '{"created":0,"updated":0,"unchanged":0}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_job_status_ck" CHECK ("import_job"."status" in ('validating','failed','importing','done')),
	CONSTRAINT "import_job_kind_ck" CHECK ("import_job"."kind" in ('schools','classes','teachers','students','parents'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "import_job_running_uq" ON "import_job" USING btree ("idempotency_key") WHERE "import_job"."status" in ('validating','importing');--> statement-breakpoint
CREATE INDEX "import_job_creator_idx" ON "import_job" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "import_job_path_gist" ON "import_job" USING gist ("org_path");