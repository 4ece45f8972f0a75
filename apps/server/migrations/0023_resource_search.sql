CREATE TABLE "resource_search" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_code" text,
	"grade_code" text,
	"theme_code" text,
	"search_vector" "tsvector" NOT NULL,
	"search_keys" text[] GENERATED ALWAYS AS (array_remove(array['k:' || kind, 's:' || subject_code, 'g:' || grade_code, 't:' || theme_code,
  case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 1 = 0 then '~1' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 3 = 0 then '~2' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 7 = 0 then '~3' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 15 = 0 then '~4' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 31 = 0 then '~5' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 63 = 0 then '~6' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 127 = 0 then '~7' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 255 = 0 then '~8' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 511 = 0 then '~9' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 1023 = 0 then '~10' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 2047 = 0 then '~11' end, case when ((get_byte(uuid_send(id), 14) << 8) | get_byte(uuid_send(id), 15)) & 4095 = 0 then '~12' end], null)) STORED,
	"search_popularity" smallint[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
DROP INDEX "resource_search_gin";--> statement-breakpoint
ALTER TABLE "resource_search" ADD CONSTRAINT "resource_search_id_resource_id_fk" FOREIGN KEY ("id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_search_gin" ON "resource_search" USING gin ("search_vector","search_keys","search_popularity");--> statement-breakpoint
CREATE INDEX "resource_search_title_gin" ON "resource_search" USING gin (ts_filter("search_vector", '{a,b}'),"search_keys","search_popularity");--> statement-breakpoint
-- The vectors already built move with their resources (hand-written: drizzle-kit does not move data).
INSERT INTO "resource_search" ("id", "kind", "subject_code", "grade_code", "theme_code", "search_vector")
SELECT "id", "kind", "subject_code", "grade_code", "theme_code", "search_vector" FROM "resource" WHERE "search_vector" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "resource" DROP COLUMN "search_vector";