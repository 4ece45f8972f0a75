DROP INDEX "account_username_uq";--> statement-breakpoint
ALTER TABLE "account" ADD COLUMN "username_key" text GENERATED ALWAYS AS (lower(username)) STORED NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "account_username_uq" ON "account" USING btree ("username_key");