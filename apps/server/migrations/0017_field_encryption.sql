CREATE TABLE "field_backfill" (
	"id" serial PRIMARY KEY NOT NULL,
	"tbl" text NOT NULL,
	"pk_col" text NOT NULL,
	"pk" uuid NOT NULL,
	"enc_col" text NOT NULL,
	"hash_col" text,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "student" ALTER COLUMN "national_no" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "birth_date_enc" "bytea";--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "phone_enc" "bytea";--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "student" ADD COLUMN "national_no_enc" "bytea";--> statement-breakpoint
ALTER TABLE "student" ADD COLUMN "national_no_hash" text;--> statement-breakpoint
ALTER TABLE "student" ADD COLUMN "household_place_enc" "bytea";--> statement-breakpoint
ALTER TABLE "student" ADD COLUMN "birthplace_enc" "bytea";--> statement-breakpoint
CREATE INDEX "person_phone_hash_idx" ON "person" USING btree ("phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "student_national_no_hash_uq" ON "student" USING btree ("national_no_hash");