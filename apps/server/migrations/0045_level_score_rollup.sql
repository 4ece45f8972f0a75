CREATE TABLE "level_score_rollup_build" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"built_at" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL,
	CONSTRAINT "level_score_rollup_build_one_ck" CHECK ("level_score_rollup_build"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "level_score_rollup" (
	"path" "ltree" NOT NULL,
	"subject_code" text NOT NULL,
	"level" text NOT NULL,
	"students" integer NOT NULL,
	"score" double precision NOT NULL,
	"max" double precision NOT NULL,
	CONSTRAINT "level_score_rollup_path_subject_code_level_pk" PRIMARY KEY("path","subject_code","level")
);
--> statement-breakpoint
CREATE INDEX "level_score_rollup_path_gist" ON "level_score_rollup" USING gist ("path");