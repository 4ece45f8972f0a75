CREATE INDEX "assignment_paper_idx" ON "assignment" USING btree ("paper_id");--> statement-breakpoint
CREATE INDEX "mistake_item_idx" ON "mistake" USING btree ("item_id");