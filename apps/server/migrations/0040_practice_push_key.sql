ALTER TABLE "practice_push" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "practice_push_client_key_uq" ON "practice_push" USING btree ("created_by","client_key");