ALTER TABLE "account" DROP COLUMN "failed_attempts";--> statement-breakpoint
ALTER TABLE "account" DROP COLUMN "locked_until";