-- Plaintext personal fields move to encrypted columns. Migrations do not hold the field key, so the
-- values wait in field_backfill until the server encrypts them at start (backfillEncryptedFields).
INSERT INTO "field_backfill" ("tbl", "pk_col", "pk", "enc_col", "hash_col", "value")
  SELECT 'person', 'id', "id", 'phone_enc', 'phone_hash', "phone" FROM "person" WHERE "phone" IS NOT NULL
  UNION ALL SELECT 'person', 'id', "id", 'birth_date_enc', NULL, "birth_date"::text FROM "person" WHERE "birth_date" IS NOT NULL
  UNION ALL SELECT 'student', 'person_id', "person_id", 'national_no_enc', 'national_no_hash', "national_no" FROM "student" WHERE "national_no" IS NOT NULL
  UNION ALL SELECT 'student', 'person_id', "person_id", 'household_place_enc', NULL, "household_place" FROM "student" WHERE "household_place" IS NOT NULL
  UNION ALL SELECT 'student', 'person_id', "person_id", 'birthplace_enc', NULL, "birthplace" FROM "student" WHERE "birthplace" IS NOT NULL;
--> statement-breakpoint
DROP INDEX "person_phone_idx";--> statement-breakpoint
DROP INDEX "student_national_no_uq";--> statement-breakpoint
ALTER TABLE "person" DROP COLUMN "phone";--> statement-breakpoint
ALTER TABLE "person" DROP COLUMN "birth_date";--> statement-breakpoint
ALTER TABLE "student" DROP COLUMN "national_no";--> statement-breakpoint
ALTER TABLE "student" DROP COLUMN "household_place";--> statement-breakpoint
ALTER TABLE "student" DROP COLUMN "birthplace";