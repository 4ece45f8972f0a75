CREATE TABLE "marking_marker" (
	"assignment_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"part" smallint DEFAULT 0 NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"assigned_by" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marking_marker_assignment_id_number_part_person_id_pk" PRIMARY KEY("assignment_id","number","part","person_id"),
	CONSTRAINT "marking_marker_role_ck" CHECK ("marking_marker"."role" in ('marker','arbiter'))
);
--> statement-breakpoint
ALTER TABLE "marking_marker" ADD CONSTRAINT "marking_marker_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marking_marker_person_idx" ON "marking_marker" USING btree ("person_id");--> statement-breakpoint
-- hand-written: the guard caches whether an actor may mark an assignment (its classes in the
-- actor's scope, or an assignment of markers) and address a notebook entry; those answers are
-- dropped when these tables change. OR REPLACE: the homework branch creates the same triggers on
-- assignment and assignment_class.
CREATE OR REPLACE TRIGGER marking_marker_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON marking_marker
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER mistake_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mistake
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER assignment_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assignment
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER assignment_class_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assignment_class
  FOR EACH STATEMENT EXECUTE FUNCTION hanlin_notify_change();
