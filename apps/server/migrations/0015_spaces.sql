CREATE TABLE "space_collection" (
	"person_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_collection_person_id_resource_id_pk" PRIMARY KEY("person_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "space_comment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "space_like" (
	"post_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_like_post_id_person_id_pk" PRIMARY KEY("post_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "space_notice_read" (
	"post_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_notice_read_post_id_person_id_pk" PRIMARY KEY("post_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "space_post_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "space_post" (
	"id" uuid PRIMARY KEY NOT NULL,
	"space_id" uuid NOT NULL,
	"space_kind" text NOT NULL,
	"space_path" "ltree" NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" text DEFAULT 'post' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "space_post_kind_ck" CHECK ("space_post"."kind" in ('post','notice','work')),
	CONSTRAINT "space_post_space_kind_ck" CHECK ("space_post"."space_kind" in ('teacher','student','class','school','studio'))
);
--> statement-breakpoint
CREATE TABLE "space_use_day" (
	"person_id" uuid NOT NULL,
	"day" date NOT NULL,
	"uses" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "space_use_day_person_id_day_pk" PRIMARY KEY("person_id","day")
);
--> statement-breakpoint
CREATE TABLE "studio_member" (
	"studio_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_member_studio_id_person_id_pk" PRIMARY KEY("studio_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "studio" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_id" uuid NOT NULL,
	"subject_code" text,
	"org_unit_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "space_collection" ADD CONSTRAINT "space_collection_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_comment" ADD CONSTRAINT "space_comment_post_id_space_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."space_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_like" ADD CONSTRAINT "space_like_post_id_space_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."space_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_notice_read" ADD CONSTRAINT "space_notice_read_post_id_space_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."space_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_post_file" ADD CONSTRAINT "space_post_file_post_id_space_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."space_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_member" ADD CONSTRAINT "studio_member_studio_id_studio_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studio"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "space_comment_post_idx" ON "space_comment" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "space_post_file_post_idx" ON "space_post_file" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "space_post_space_idx" ON "space_post" USING btree ("space_id","created_at");--> statement-breakpoint
CREATE INDEX "space_post_path_gist" ON "space_post" USING gist ("space_path");--> statement-breakpoint
CREATE INDEX "space_post_created_idx" ON "space_post" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "space_use_day_day_idx" ON "space_use_day" USING btree ("day");--> statement-breakpoint
CREATE INDEX "studio_member_person_idx" ON "studio_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "studio_path_gist" ON "studio" USING gist ("path");--> statement-breakpoint
CREATE INDEX "studio_lead_idx" ON "studio" USING btree ("lead_id");--> statement-breakpoint
-- Whether a space may be addressed depends on studios (platform/scope spaceVisible); the guard caches
-- that, so changes are announced like the other scope tables (migration 0007). Posts need no trigger:
-- a post never moves to another space, and a deleted one is "not found" in the handler.
CREATE TRIGGER studio_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON studio
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
