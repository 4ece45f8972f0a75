ALTER TABLE "paper" DROP CONSTRAINT "paper_blueprint_id_blueprint_id_fk";
--> statement-breakpoint
ALTER TABLE "item" ADD COLUMN "share_note" text;--> statement-breakpoint
ALTER TABLE "paper" ADD COLUMN "sections" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "paper" ADD CONSTRAINT "paper_blueprint_id_blueprint_id_fk" FOREIGN KEY ("blueprint_id") REFERENCES "public"."blueprint"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- hand-written: the guard caches its answers for the `item`, `paper` and `blueprint` kinds
-- (bank.scope.ts) until one of these tables changes.
CREATE TRIGGER item_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON item
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
--> statement-breakpoint
CREATE TRIGGER paper_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON paper
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
--> statement-breakpoint
CREATE TRIGGER blueprint_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON blueprint
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
