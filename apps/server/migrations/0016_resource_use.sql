CREATE TABLE "resource_completion" (
	"resource_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_completion_resource_id_person_id_pk" PRIMARY KEY("resource_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "resource_retirement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resource_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"details" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"flagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "resource_retirement_reason_ck" CHECK ("resource_retirement"."reason" in ('low_rating','unused')),
	CONSTRAINT "resource_retirement_status_ck" CHECK ("resource_retirement"."status" in ('pending','retired','kept'))
);
--> statement-breakpoint
CREATE TABLE "resource_use" (
	"resource_id" uuid NOT NULL,
	"viewer_path" "ltree" NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"completions" integer DEFAULT 0 NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "resource_use_resource_id_viewer_path_day_pk" PRIMARY KEY("resource_id","viewer_path","day")
);
--> statement-breakpoint
ALTER TABLE "resource_completion" ADD CONSTRAINT "resource_completion_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_retirement" ADD CONSTRAINT "resource_retirement_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_use" ADD CONSTRAINT "resource_use_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_retirement_pending_uq" ON "resource_retirement" USING btree ("resource_id") WHERE "resource_retirement"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "resource_retirement_resource_idx" ON "resource_retirement" USING btree ("resource_id","flagged_at");--> statement-breakpoint
CREATE INDEX "resource_use_viewer_gist" ON "resource_use" USING gist ("viewer_path");--> statement-breakpoint
CREATE INDEX "resource_use_day_idx" ON "resource_use" USING btree ("day");