CREATE TABLE "knowledge_mastery" (
	"student_id" uuid NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"p" real NOT NULL,
	"correct" integer NOT NULL,
	"wrong" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_mastery_student_id_knowledge_point_id_pk" PRIMARY KEY("student_id","knowledge_point_id"),
	CONSTRAINT "knowledge_mastery_p_ck" CHECK ("knowledge_mastery"."p" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "mastery_state" (
	"student_id" uuid PRIMARY KEY NOT NULL,
	"path" "ltree" NOT NULL,
	"state" jsonb NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge_mastery" ADD CONSTRAINT "knowledge_mastery_knowledge_point_id_knowledge_point_id_fk" FOREIGN KEY ("knowledge_point_id") REFERENCES "public"."knowledge_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_mastery_path_gist" ON "knowledge_mastery" USING gist ("path");--> statement-breakpoint
CREATE INDEX "knowledge_mastery_point_idx" ON "knowledge_mastery" USING btree ("knowledge_point_id");--> statement-breakpoint
CREATE INDEX "mastery_state_path_gist" ON "mastery_state" USING gist ("path");