CREATE TABLE "resource_stat" (
	"resource_id" uuid PRIMARY KEY NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"completions" integer DEFAULT 0 NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resource" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "resource_stat" ADD CONSTRAINT "resource_stat_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_search_gin" ON "resource" USING gin ("search_vector");