CREATE TABLE "review_chain" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text,
	"path" "ltree" NOT NULL,
	"steps" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"step_name" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"score" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_event_action_ck" CHECK ("review_event"."action" in ('submit','resubmit','approve','reject','return')),
	CONSTRAINT "review_event_score_ck" CHECK ("review_event"."score" is null or "review_event"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "review" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resource_id" uuid NOT NULL,
	"chain_id" uuid NOT NULL,
	"steps" jsonb NOT NULL,
	"current_step" integer NOT NULL,
	"step_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'in_review' NOT NULL,
	"path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "review_status_ck" CHECK ("review"."status" in ('in_review','returned','rejected','approved'))
);
--> statement-breakpoint
ALTER TABLE "role_assignment" DROP CONSTRAINT "role_assignment_role_ck";--> statement-breakpoint
ALTER TABLE "resource" DROP CONSTRAINT "resource_kind_ck";--> statement-breakpoint
ALTER TABLE "resource" ADD COLUMN "analysis" text;--> statement-breakpoint
ALTER TABLE "resource" ADD COLUMN "exercises" text;--> statement-breakpoint
ALTER TABLE "review_event" ADD CONSTRAINT "review_event_review_id_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."review"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_chain_id_review_chain_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."review_chain"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_chain_path_gist" ON "review_chain" USING gist ("path");--> statement-breakpoint
CREATE INDEX "review_event_review_idx" ON "review_event" USING btree ("review_id","created_at");--> statement-breakpoint
CREATE INDEX "review_resource_idx" ON "review" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "review_waiting_idx" ON "review" USING btree ("status","current_step");--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_role_ck" CHECK ("role_assignment"."role" in ('city_admin','district_admin','school_admin','teacher','head_teacher','student','parent','auditor','system_admin','security_admin','researcher','expert'));--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_kind_ck" CHECK ("resource"."kind" in ('lesson_package','video','courseware','micro_lesson','exercise_set','theme','third_party'));