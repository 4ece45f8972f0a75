CREATE TABLE "practice_mute" (
	"class_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	"muted_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_mute_class_id_knowledge_point_id_pk" PRIMARY KEY("class_id","knowledge_point_id")
);
--> statement-breakpoint
CREATE TABLE "practice_push_student" (
	"push_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"p_before" real,
	CONSTRAINT "practice_push_student_push_id_student_id_pk" PRIMARY KEY("push_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "practice_push" (
	"id" uuid PRIMARY KEY NOT NULL,
	"class_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_push_items_ck" CHECK (cardinality("practice_push"."item_ids") between 1 and 20)
);
--> statement-breakpoint
ALTER TABLE "practice_mute" ADD CONSTRAINT "practice_mute_knowledge_point_id_knowledge_point_id_fk" FOREIGN KEY ("knowledge_point_id") REFERENCES "public"."knowledge_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_push_student" ADD CONSTRAINT "practice_push_student_push_id_practice_push_id_fk" FOREIGN KEY ("push_id") REFERENCES "public"."practice_push"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_push" ADD CONSTRAINT "practice_push_knowledge_point_id_knowledge_point_id_fk" FOREIGN KEY ("knowledge_point_id") REFERENCES "public"."knowledge_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_mute_path_gist" ON "practice_mute" USING gist ("path");--> statement-breakpoint
CREATE INDEX "practice_push_student_idx" ON "practice_push_student" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "practice_push_student_path_gist" ON "practice_push_student" USING gist ("path");--> statement-breakpoint
CREATE INDEX "practice_push_path_gist" ON "practice_push" USING gist ("path");--> statement-breakpoint
CREATE INDEX "practice_push_class_idx" ON "practice_push" USING btree ("class_id","created_at");--> statement-breakpoint
-- hand-written: the guard caches whether an actor may address a practice push (its class in the
-- actor's scope); those answers are dropped when the table changes (migration 0007).
CREATE OR REPLACE TRIGGER practice_push_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON practice_push
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
