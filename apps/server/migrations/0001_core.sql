CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_person_id" uuid,
	"actor_name" text,
	"actor_role" text,
	"action" text NOT NULL,
	"outcome" text DEFAULT 'success' NOT NULL,
	"target_type" text,
	"target_id" text,
	"subject_person_id" uuid,
	"org_path" "ltree",
	"ip" text,
	"user_agent" text,
	"request_id" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "code_entry" (
	"category" text NOT NULL,
	"version" text NOT NULL,
	"code" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"parent" text,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "code_entry_category_version_code_pk" PRIMARY KEY("category","version","code")
);
--> statement-breakpoint
CREATE TABLE "code_table" (
	"category" text NOT NULL,
	"version" text NOT NULL,
	"standard" text NOT NULL,
	"title" text NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	CONSTRAINT "code_table_category_version_pk" PRIMARY KEY("category","version")
);
--> statement-breakpoint
CREATE TABLE "account" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"totp_secret_enc" "bytea",
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_status_ck" CHECK ("account"."status" in ('active','disabled'))
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"gender" text DEFAULT '0' NOT NULL,
	"birth_date" date,
	"ethnicity" text,
	"nationality" text DEFAULT 'CHN',
	"id_type" text,
	"id_number_enc" "bytea",
	"id_number_hash" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"district_id" uuid,
	"school_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignment_role_ck" CHECK ("role_assignment"."role" in ('city_admin','district_admin','school_admin','teacher','head_teacher','student','parent','auditor','system_admin','security_admin'))
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"account_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role_assignment_id" uuid,
	"csrf_token" text NOT NULL,
	"mfa_passed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "academic_year" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"current" boolean DEFAULT false NOT NULL,
	CONSTRAINT "academic_year_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "org_unit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"path" "ltree" NOT NULL,
	"district_id" uuid,
	"school_id" uuid,
	"stage" text,
	"school_type" text,
	"school_code" text,
	"division_code" text,
	"grade_code" text,
	"entry_year" integer,
	"subject_code" text,
	"address" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_unit_kind_ck" CHECK ("org_unit"."kind" in ('city','district','school','grade','class','teaching_class')),
	CONSTRAINT "org_unit_school_code_ck" CHECK ("org_unit"."school_code" is null or "org_unit"."school_code" ~ '^[0-9]{10}$')
);
--> statement-breakpoint
CREATE TABLE "term" (
	"id" uuid PRIMARY KEY NOT NULL,
	"academic_year_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"current" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guardian" (
	"id" uuid PRIMARY KEY NOT NULL,
	"parent_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "student_sensitive" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"path" "ltree" NOT NULL,
	"data_enc" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "student" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"national_no" text NOT NULL,
	"student_no" text NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"entry_year" integer NOT NULL,
	"entry_mode" text,
	"study_mode" text,
	"household_type" text,
	"household_place" text,
	"birthplace" text,
	"migrant" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_status_ck" CHECK ("student"."status" in ('enrolled','transferred','graduated','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "teacher" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"staff_no" text NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teaching_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"teacher_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"subject_code" text NOT NULL,
	"term_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"school_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teaching_class_member" (
	"teaching_class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term" ADD CONSTRAINT "term_academic_year_id_academic_year_id_fk" FOREIGN KEY ("academic_year_id") REFERENCES "public"."academic_year"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_person_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_person_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_log_path_gist" ON "audit_log" USING gist ("org_path");--> statement-breakpoint
CREATE UNIQUE INDEX "account_username_uq" ON "account" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "account_person_uq" ON "account" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_id_number_uq" ON "person" USING btree ("id_number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignment_uq" ON "role_assignment" USING btree ("person_id","role","org_unit_id");--> statement-breakpoint
CREATE INDEX "role_assignment_path_gist" ON "role_assignment" USING gist ("path");--> statement-breakpoint
CREATE INDEX "role_assignment_unit_idx" ON "role_assignment" USING btree ("org_unit_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "session_token_uq" ON "session" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "session_account_idx" ON "session" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_unit_path_uq" ON "org_unit" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "org_unit_school_code_uq" ON "org_unit" USING btree ("school_code");--> statement-breakpoint
CREATE INDEX "org_unit_path_gist" ON "org_unit" USING gist ("path");--> statement-breakpoint
CREATE INDEX "org_unit_parent_idx" ON "org_unit" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_unit_school_idx" ON "org_unit" USING btree ("school_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "guardian_uq" ON "guardian" USING btree ("parent_id","student_id");--> statement-breakpoint
CREATE INDEX "guardian_student_idx" ON "guardian" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "student_national_no_uq" ON "student" USING btree ("national_no");--> statement-breakpoint
CREATE INDEX "student_path_gist" ON "student" USING gist ("path");--> statement-breakpoint
CREATE INDEX "student_class_idx" ON "student" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "student_school_idx" ON "student" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_staff_no_uq" ON "teacher" USING btree ("staff_no");--> statement-breakpoint
CREATE INDEX "teacher_path_gist" ON "teacher" USING gist ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "teaching_assignment_uq" ON "teaching_assignment" USING btree ("teacher_id","class_id","subject_code","term_id");--> statement-breakpoint
CREATE INDEX "teaching_assignment_class_idx" ON "teaching_assignment" USING btree ("class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teaching_class_member_uq" ON "teaching_class_member" USING btree ("teaching_class_id","student_id");--> statement-breakpoint
CREATE INDEX "teaching_class_member_student_idx" ON "teaching_class_member" USING btree ("student_id");