CREATE TABLE "resource_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resource_id" uuid NOT NULL,
	"role" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_file_role_ck" CHECK ("resource_file"."role" in ('main','slides','attachment','cover'))
);
--> statement-breakpoint
CREATE TABLE "resource_knowledge_point" (
	"resource_id" uuid NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	CONSTRAINT "resource_knowledge_point_resource_id_knowledge_point_id_pk" PRIMARY KEY("resource_id","knowledge_point_id")
);
--> statement-breakpoint
CREATE TABLE "resource" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"subject_code" text,
	"grade_code" text,
	"term" smallint,
	"edition_id" uuid,
	"lesson_id" uuid,
	"theme_code" text,
	"provider" text,
	"license" text,
	"author_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"district_id" uuid,
	"school_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_kind_ck" CHECK ("resource"."kind" in ('video','courseware','micro_lesson','exercise_set','theme','third_party')),
	CONSTRAINT "resource_status_ck" CHECK ("resource"."status" in ('draft','in_review','returned','rejected','published','retired')),
	CONSTRAINT "resource_term_ck" CHECK ("resource"."term" is null or "resource"."term" in (1, 2))
);
--> statement-breakpoint
ALTER TABLE "resource_file" ADD CONSTRAINT "resource_file_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_knowledge_point" ADD CONSTRAINT "resource_knowledge_point_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_knowledge_point" ADD CONSTRAINT "resource_knowledge_point_knowledge_point_id_knowledge_point_id_fk" FOREIGN KEY ("knowledge_point_id") REFERENCES "public"."knowledge_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_edition_id_textbook_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."textbook_edition"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_lesson_id_curriculum_node_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."curriculum_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_file_resource_idx" ON "resource_file" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "resource_knowledge_point_kp_idx" ON "resource_knowledge_point" USING btree ("knowledge_point_id");--> statement-breakpoint
CREATE INDEX "resource_status_idx" ON "resource" USING btree ("status","subject_code","grade_code");--> statement-breakpoint
CREATE INDEX "resource_author_idx" ON "resource" USING btree ("author_id","status");--> statement-breakpoint
CREATE INDEX "resource_lesson_idx" ON "resource" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "resource_path_gist" ON "resource" USING gist ("path");--> statement-breakpoint
-- Whether a resource may be addressed depends on its status and author (platform/scope resourceVisible);
-- the guard caches that, so changes are announced like the other scope tables (migration 0007).
CREATE TRIGGER resource_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON resource
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
