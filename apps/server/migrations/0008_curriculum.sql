CREATE TABLE "curriculum_node" (
	"id" uuid PRIMARY KEY NOT NULL,
	"edition_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"grade_code" text NOT NULL,
	"term" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curriculum_node_kind_ck" CHECK ("curriculum_node"."kind" in ('volume','unit','lesson')),
	CONSTRAINT "curriculum_node_term_ck" CHECK ("curriculum_node"."term" in (1, 2)),
	CONSTRAINT "curriculum_node_parent_ck" CHECK (("curriculum_node"."kind" = 'volume') = ("curriculum_node"."parent_id" is null))
);
--> statement-breakpoint
CREATE TABLE "knowledge_edge" (
	"prerequisite_id" uuid NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_edge_prerequisite_id_knowledge_point_id_pk" PRIMARY KEY("prerequisite_id","knowledge_point_id"),
	CONSTRAINT "knowledge_edge_self_ck" CHECK ("knowledge_edge"."prerequisite_id" <> "knowledge_edge"."knowledge_point_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_point" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"grade_code" text NOT NULL,
	"strand" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_knowledge_point" (
	"lesson_id" uuid NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	CONSTRAINT "lesson_knowledge_point_lesson_id_knowledge_point_id_pk" PRIMARY KEY("lesson_id","knowledge_point_id")
);
--> statement-breakpoint
CREATE TABLE "textbook_edition" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_code" text NOT NULL,
	"name" text NOT NULL,
	"publisher" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "role_assignment" DROP CONSTRAINT "role_assignment_role_ck";--> statement-breakpoint
ALTER TABLE "curriculum_node" ADD CONSTRAINT "curriculum_node_edition_id_textbook_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."textbook_edition"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_node" ADD CONSTRAINT "curriculum_node_parent_id_curriculum_node_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."curriculum_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_edge" ADD CONSTRAINT "knowledge_edge_prerequisite_id_knowledge_point_id_fk" FOREIGN KEY ("prerequisite_id") REFERENCES "public"."knowledge_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_edge" ADD CONSTRAINT "knowledge_edge_knowledge_point_id_knowledge_point_id_fk" FOREIGN KEY ("knowledge_point_id") REFERENCES "public"."knowledge_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_knowledge_point" ADD CONSTRAINT "lesson_knowledge_point_lesson_id_curriculum_node_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."curriculum_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_knowledge_point" ADD CONSTRAINT "lesson_knowledge_point_knowledge_point_id_knowledge_point_id_fk" FOREIGN KEY ("knowledge_point_id") REFERENCES "public"."knowledge_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "curriculum_node_seq_uq" ON "curriculum_node" USING btree ("parent_id","seq") WHERE "curriculum_node"."parent_id" is not null;--> statement-breakpoint
CREATE INDEX "curriculum_node_edition_idx" ON "curriculum_node" USING btree ("edition_id","grade_code","term");--> statement-breakpoint
CREATE UNIQUE INDEX "curriculum_volume_uq" ON "curriculum_node" USING btree ("edition_id","grade_code","term") WHERE "curriculum_node"."kind" = 'volume';--> statement-breakpoint
CREATE INDEX "knowledge_edge_point_idx" ON "knowledge_edge" USING btree ("knowledge_point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_point_code_uq" ON "knowledge_point" USING btree ("subject_code","code");--> statement-breakpoint
CREATE INDEX "knowledge_point_grade_idx" ON "knowledge_point" USING btree ("subject_code","grade_code");--> statement-breakpoint
CREATE INDEX "lesson_knowledge_point_kp_idx" ON "lesson_knowledge_point" USING btree ("knowledge_point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "textbook_edition_uq" ON "textbook_edition" USING btree ("subject_code","name");--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_role_ck" CHECK ("role_assignment"."role" in ('city_admin','district_admin','school_admin','teacher','head_teacher','student','parent','auditor','system_admin','security_admin','researcher'));--> statement-breakpoint
-- The knowledge graph stays acyclic whatever writes it (service, import, SQL): a new edge is refused
-- when its prerequisite already depends on the point. Graph edits are serialised by a lock.
CREATE OR REPLACE FUNCTION hanlin_knowledge_edge_acyclic() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('hanlin.knowledge_graph'));
  IF EXISTS (
    WITH RECURSIVE up(id) AS (
      SELECT prerequisite_id FROM knowledge_edge WHERE knowledge_point_id = NEW.prerequisite_id
      UNION
      SELECT e.prerequisite_id FROM knowledge_edge e JOIN up ON e.knowledge_point_id = up.id
    )
    SELECT 1 FROM up WHERE id = NEW.knowledge_point_id
  ) THEN
    RAISE EXCEPTION 'knowledge graph cycle: % already depends on %', NEW.prerequisite_id, NEW.knowledge_point_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'knowledge_edge_acyclic';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER knowledge_edge_acyclic BEFORE INSERT OR UPDATE ON knowledge_edge
  FOR EACH ROW EXECUTE FUNCTION hanlin_knowledge_edge_acyclic();
