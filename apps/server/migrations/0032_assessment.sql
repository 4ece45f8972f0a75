CREATE TABLE "assignment_class" (
	"assignment_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	CONSTRAINT "assignment_class_assignment_id_class_id_pk" PRIMARY KEY("assignment_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"paper_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"paper_free" boolean DEFAULT false NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"minutes" integer,
	"double_marking" boolean DEFAULT false NOT NULL,
	"mark_gap" real,
	"closed_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"district_id" uuid,
	"school_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_kind_ck" CHECK ("assignment"."kind" in ('homework','exam','unified_exam')),
	CONSTRAINT "assignment_window_ck" CHECK ("assignment"."closes_at" > "assignment"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "attempt" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assignment_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"furthest" smallint DEFAULT 0 NOT NULL,
	"focus_losses" integer DEFAULT 0 NOT NULL,
	"objective_score" real,
	"score" real,
	"marked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attempt_status_ck" CHECK ("attempt"."status" in ('in_progress','submitted','expired'))
);
--> statement-breakpoint
CREATE TABLE "mark" (
	"id" uuid PRIMARY KEY NOT NULL,
	"response_id" uuid NOT NULL,
	"round" text NOT NULL,
	"marker_id" uuid NOT NULL,
	"score" real NOT NULL,
	"comment" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mark_round_ck" CHECK ("mark"."round" in ('first','second','arbitration','regrade'))
);
--> statement-breakpoint
CREATE TABLE "mistake" (
	"id" uuid PRIMARY KEY NOT NULL,
	"student_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"item_id" uuid NOT NULL,
	"part" smallint DEFAULT 0 NOT NULL,
	"subject_code" text NOT NULL,
	"knowledge_point_ids" uuid[] DEFAULT '{}' NOT NULL,
	"attempt_id" uuid,
	"number" smallint,
	"answer" jsonb,
	"correct_similar" smallint DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_answer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"student_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"mistake_id" uuid,
	"item_id" uuid NOT NULL,
	"value" jsonb NOT NULL,
	"correct" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_save" (
	"attempt_id" uuid NOT NULL,
	"client_key" text NOT NULL,
	"number" smallint NOT NULL,
	"part" smallint DEFAULT 0 NOT NULL,
	"seq" integer NOT NULL,
	"value" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "response_save_attempt_id_client_key_pk" PRIMARY KEY("attempt_id","client_key")
);
--> statement-breakpoint
CREATE TABLE "response" (
	"id" uuid PRIMARY KEY NOT NULL,
	"attempt_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"part" smallint DEFAULT 0 NOT NULL,
	"value" jsonb NOT NULL,
	"seq" integer NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"auto_score" real,
	"detail" jsonb,
	"needs_marking" boolean DEFAULT false NOT NULL,
	"score" real,
	"max_score" real NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blueprint" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"subject_code" text NOT NULL,
	"grade_code" text NOT NULL,
	"spec" jsonb NOT NULL,
	"owner_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid,
	"owner_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_knowledge_point" (
	"item_id" uuid NOT NULL,
	"knowledge_point_id" uuid NOT NULL,
	CONSTRAINT "item_knowledge_point_item_id_knowledge_point_id_pk" PRIMARY KEY("item_id","knowledge_point_id")
);
--> statement-breakpoint
CREATE TABLE "item_search" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_code" text NOT NULL,
	"grade_code" text NOT NULL,
	"type" text NOT NULL,
	"cognitive_level" text NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"content" jsonb NOT NULL,
	"stem_text" text NOT NULL,
	"subject_code" text NOT NULL,
	"grade_code" text NOT NULL,
	"cognitive_level" text NOT NULL,
	"difficulty" real NOT NULL,
	"score" real NOT NULL,
	"seconds" integer NOT NULL,
	"source" text,
	"year" smallint,
	"irt_a" real,
	"irt_b" real,
	"calibrated_at" timestamp with time zone,
	"p_value" real,
	"answered" integer DEFAULT 0 NOT NULL,
	"exposure" integer DEFAULT 0 NOT NULL,
	"last_used_at" timestamp with time zone,
	"author_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"district_id" uuid,
	"school_id" uuid,
	"share" text DEFAULT 'private' NOT NULL,
	"share_requested" text,
	"share_status" text DEFAULT 'none' NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"copied_from" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_type_ck" CHECK ("item"."type" in ('single_choice','multiple_choice','true_false','fill_in','short_answer','essay','composite')),
	CONSTRAINT "item_level_ck" CHECK ("item"."cognitive_level" in ('remember','understand','apply','analyse')),
	CONSTRAINT "item_difficulty_ck" CHECK ("item"."difficulty" between 0 and 1),
	CONSTRAINT "item_share_ck" CHECK ("item"."share" in ('private','school','district','city')),
	CONSTRAINT "item_share_status_ck" CHECK ("item"."share_status" in ('none','pending','approved','returned'))
);
--> statement-breakpoint
CREATE TABLE "paper_item" (
	"paper_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"item_id" uuid NOT NULL,
	"section" smallint DEFAULT 0 NOT NULL,
	"score" real NOT NULL,
	CONSTRAINT "paper_item_paper_id_position_pk" PRIMARY KEY("paper_id","position")
);
--> statement-breakpoint
CREATE TABLE "paper" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"subject_code" text NOT NULL,
	"grade_code" text NOT NULL,
	"minutes" integer NOT NULL,
	"total_score" real NOT NULL,
	"navigation" text DEFAULT 'free' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"blueprint_id" uuid,
	"assembly" jsonb,
	"form_group" uuid,
	"form" text,
	"document" jsonb,
	"owner_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"district_id" uuid,
	"school_id" uuid,
	"finalised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paper_status_ck" CHECK ("paper"."status" in ('draft','final')),
	CONSTRAINT "paper_navigation_ck" CHECK ("paper"."navigation" in ('free','forward_only'))
);
--> statement-breakpoint
ALTER TABLE "assignment_class" ADD CONSTRAINT "assignment_class_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_paper_id_paper_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."paper"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark" ADD CONSTRAINT "mark_response_id_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."response"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mistake" ADD CONSTRAINT "mistake_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mistake" ADD CONSTRAINT "mistake_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_answer" ADD CONSTRAINT "practice_answer_mistake_id_mistake_id_fk" FOREIGN KEY ("mistake_id") REFERENCES "public"."mistake"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_answer" ADD CONSTRAINT "practice_answer_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_save" ADD CONSTRAINT "response_save_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response" ADD CONSTRAINT "response_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_file" ADD CONSTRAINT "item_file_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_knowledge_point" ADD CONSTRAINT "item_knowledge_point_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_knowledge_point" ADD CONSTRAINT "item_knowledge_point_knowledge_point_id_knowledge_point_id_fk" FOREIGN KEY ("knowledge_point_id") REFERENCES "public"."knowledge_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_search" ADD CONSTRAINT "item_search_id_item_id_fk" FOREIGN KEY ("id") REFERENCES "public"."item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_item" ADD CONSTRAINT "paper_item_paper_id_paper_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."paper"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_item" ADD CONSTRAINT "paper_item_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper" ADD CONSTRAINT "paper_blueprint_id_blueprint_id_fk" FOREIGN KEY ("blueprint_id") REFERENCES "public"."blueprint"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_class_class_idx" ON "assignment_class" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "assignment_class_path_gist" ON "assignment_class" USING gist ("path");--> statement-breakpoint
CREATE INDEX "assignment_path_gist" ON "assignment" USING gist ("path");--> statement-breakpoint
CREATE INDEX "assignment_creator_idx" ON "assignment" USING btree ("created_by","opens_at");--> statement-breakpoint
CREATE INDEX "assignment_open_idx" ON "assignment" USING btree ("closes_at") WHERE "assignment"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "attempt_student_uq" ON "attempt" USING btree ("assignment_id","student_id");--> statement-breakpoint
CREATE INDEX "attempt_student_idx" ON "attempt" USING btree ("student_id","started_at");--> statement-breakpoint
CREATE INDEX "attempt_path_gist" ON "attempt" USING gist ("path");--> statement-breakpoint
CREATE INDEX "attempt_open_idx" ON "attempt" USING btree ("deadline_at") WHERE "attempt"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "mark_response_idx" ON "mark" USING btree ("response_id","at");--> statement-breakpoint
CREATE INDEX "mistake_student_idx" ON "mistake" USING btree ("student_id","subject_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mistake_open_uq" ON "mistake" USING btree ("student_id","item_id","part") WHERE "mistake"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "mistake_path_gist" ON "mistake" USING gist ("path");--> statement-breakpoint
CREATE INDEX "practice_student_idx" ON "practice_answer" USING btree ("student_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "response_item_uq" ON "response" USING btree ("attempt_id","number","part");--> statement-breakpoint
CREATE INDEX "blueprint_owner_idx" ON "blueprint" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "blueprint_path_gist" ON "blueprint" USING gist ("path");--> statement-breakpoint
CREATE INDEX "item_file_item_idx" ON "item_file" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "item_file_key_uq" ON "item_file" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "item_kp_kp_idx" ON "item_knowledge_point" USING btree ("knowledge_point_id");--> statement-breakpoint
CREATE INDEX "item_search_gin" ON "item_search" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "item_search_catalogue_idx" ON "item_search" USING btree ("subject_code","grade_code","type","cognitive_level");--> statement-breakpoint
CREATE INDEX "item_author_idx" ON "item" USING btree ("author_id","updated_at");--> statement-breakpoint
CREATE INDEX "item_catalogue_idx" ON "item" USING btree ("subject_code","grade_code","type");--> statement-breakpoint
CREATE INDEX "item_path_gist" ON "item" USING gist ("path");--> statement-breakpoint
CREATE INDEX "item_share_pending_idx" ON "item" USING btree ("share_status") WHERE "item"."share_status" = 'pending';--> statement-breakpoint
CREATE INDEX "item_stem_trgm" ON "item" USING gin ("stem_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "paper_item_item_idx" ON "paper_item" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "paper_owner_idx" ON "paper" USING btree ("owner_id","updated_at");--> statement-breakpoint
CREATE INDEX "paper_path_gist" ON "paper" USING gist ("path");