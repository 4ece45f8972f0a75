CREATE TABLE "space_activity_rollup" (
	"day" date NOT NULL,
	"space_id" uuid NOT NULL,
	"space_kind" text NOT NULL,
	"space_path" "ltree" NOT NULL,
	"posts" integer NOT NULL,
	"comments" integer NOT NULL,
	"likes" integer NOT NULL,
	"score" integer NOT NULL,
	"showable" boolean NOT NULL,
	CONSTRAINT "space_activity_rollup_day_space_id_pk" PRIMARY KEY("day","space_id")
);
--> statement-breakpoint
CREATE TABLE "space_use_rollup" (
	"day" date NOT NULL,
	"path" "ltree" NOT NULL,
	"teachers" integer NOT NULL,
	"active_teachers" integer NOT NULL,
	"students" integer NOT NULL,
	"active_students" integer NOT NULL,
	CONSTRAINT "space_use_rollup_day_path_pk" PRIMARY KEY("day","path")
);
--> statement-breakpoint
CREATE INDEX "space_activity_rollup_score_idx" ON "space_activity_rollup" USING btree ("day","score" DESC NULLS LAST,"space_id");--> statement-breakpoint
CREATE INDEX "space_activity_rollup_path_gist" ON "space_activity_rollup" USING gist ("space_path");