CREATE TABLE "point_mastery_rollup" (
	"path" "ltree" NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	"subject_code" text NOT NULL,
	"students" integer NOT NULL,
	"p_sum" double precision NOT NULL,
	"weak" integer NOT NULL,
	"mastered" integer NOT NULL,
	CONSTRAINT "point_mastery_rollup_path_knowledge_point_id_pk" PRIMARY KEY("path","knowledge_point_id")
);
--> statement-breakpoint
CREATE INDEX "point_mastery_rollup_path_gist" ON "point_mastery_rollup" USING gist ("path");