CREATE TABLE "item_import" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"district_id" uuid,
	"school_id" uuid,
	"format" text NOT NULL,
	"file_name" text,
	"upload_key" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposal" jsonb NOT NULL,
	"created" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "item_import_format_ck" CHECK ("item_import"."format" in ('qti','xlsx','docx')),
	CONSTRAINT "item_import_status_ck" CHECK ("item_import"."status" in ('proposed','confirmed','discarded'))
);
--> statement-breakpoint
CREATE INDEX "item_import_owner_idx" ON "item_import" USING btree ("owner_id","created_at");