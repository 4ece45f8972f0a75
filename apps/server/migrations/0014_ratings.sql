CREATE TABLE "resource_rating" (
	"resource_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stars" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_rating_resource_id_person_id_pk" PRIMARY KEY("resource_id","person_id"),
	CONSTRAINT "resource_rating_stars_ck" CHECK ("resource_rating"."stars" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "resource_rating" ADD CONSTRAINT "resource_rating_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;