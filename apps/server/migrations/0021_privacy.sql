CREATE TABLE "consent_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_as" text NOT NULL,
	"notice_id" uuid,
	"path" "ltree",
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_record_as_ck" CHECK ("consent_record"."decided_as" in ('self','guardian'))
);
--> statement-breakpoint
CREATE TABLE "data_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_as" text NOT NULL,
	"kind" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"path" "ltree" NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"response" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_request_kind_ck" CHECK ("data_request"."kind" in ('access','correction','deletion','explanation')),
	CONSTRAINT "data_request_status_ck" CHECK ("data_request"."status" in ('open','done','refused')),
	CONSTRAINT "data_request_as_ck" CHECK ("data_request"."requested_as" in ('self','guardian'))
);
--> statement-breakpoint
CREATE TABLE "notice_ack" (
	"person_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_notice" (
	"id" uuid PRIMARY KEY NOT NULL,
	"audience" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_notice_audience_ck" CHECK ("privacy_notice"."audience" in ('student','guardian','staff'))
);
--> statement-breakpoint
CREATE TABLE "export_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"path" "ltree" NOT NULL,
	"persons" integer NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requester_role" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"file_name" text,
	"file_enc" "bytea",
	"fetched_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "export_request_status_ck" CHECK ("export_request"."status" in ('pending','approved','rejected','fetched','expired'))
);
--> statement-breakpoint
ALTER TABLE "notice_ack" ADD CONSTRAINT "notice_ack_notice_id_privacy_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."privacy_notice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_record_subject_idx" ON "consent_record" USING btree ("subject_id","purpose","decided_at");--> statement-breakpoint
CREATE INDEX "data_request_path_gist" ON "data_request" USING gist ("path");--> statement-breakpoint
CREATE INDEX "data_request_subject_idx" ON "data_request" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_ack_uq" ON "notice_ack" USING btree ("person_id","notice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_notice_version_uq" ON "privacy_notice" USING btree ("audience","version");--> statement-breakpoint
CREATE INDEX "export_request_path_gist" ON "export_request" USING gist ("path");--> statement-breakpoint
CREATE INDEX "export_request_requester_idx" ON "export_request" USING btree ("requested_by","created_at");