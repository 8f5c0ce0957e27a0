CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"secondment_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"from_home_affairs" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_deliveries_key_user_id_channel_pk" PRIMARY KEY("key","user_id","channel")
);
--> statement-breakpoint
CREATE TABLE "secondment_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secondment_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"follow_up" text,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secondment_decision_items" (
	"decision_id" uuid NOT NULL,
	"secondment_id" uuid NOT NULL,
	"host_unit_id" uuid,
	"start_date" date,
	"end_date" date,
	"duration_months" integer,
	"reason" text,
	CONSTRAINT "secondment_decision_items_decision_id_secondment_id_pk" PRIMARY KEY("decision_id","secondment_id")
);
--> statement-breakpoint
CREATE TABLE "secondment_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"decided_on" date NOT NULL,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secondment_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secondment_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"evaluated_on" date NOT NULL,
	"proposed_rating" text NOT NULL,
	"strengths" text,
	"weaknesses" text,
	"usage_proposal" text,
	"evaluator_user_id" uuid NOT NULL,
	"evaluator_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secondment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secondment_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secondment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secondment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_no" integer,
	"period_from" date,
	"period_to" date,
	"due_on" date NOT NULL,
	"requested_by" uuid,
	"request_note" text,
	"submitted_on" date,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"results" text,
	"difficulties" text,
	"proposals" text,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "suggested_role" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "remarks" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "eligible_at_proposal" boolean;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "justification" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "proposal_verdict" jsonb;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "proposed_by" uuid;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "appraisal_verdict" jsonb;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "appraisal_note" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "appraised_by" uuid;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "appraised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "duration_months" integer;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "short_duration_reason" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "received_on" date;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "assigned_work" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "host_role" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "received_by" uuid;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "reserved_post" jsonb;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "actual_end_date" date;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "placement" jsonb;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "outcome_rating" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "outcome_remarks" text;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "extra_step_granted" boolean;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "returned_on" date;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_replies" ADD CONSTRAINT "feedback_replies_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondment_contacts" ADD CONSTRAINT "secondment_contacts_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondment_decision_items" ADD CONSTRAINT "secondment_decision_items_decision_id_secondment_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."secondment_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondment_decision_items" ADD CONSTRAINT "secondment_decision_items_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondment_evaluations" ADD CONSTRAINT "secondment_evaluations_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondment_events" ADD CONSTRAINT "secondment_events_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondment_reports" ADD CONSTRAINT "secondment_reports_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_items_unit_idx" ON "feedback_items" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_items_status_idx" ON "feedback_items" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "feedback_replies_item_idx" ON "feedback_replies" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "secondment_contacts_sec_idx" ON "secondment_contacts" USING btree ("secondment_id","contacted_on");--> statement-breakpoint
CREATE INDEX "secondment_decision_items_sec_idx" ON "secondment_decision_items" USING btree ("secondment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "secondment_decisions_year_seq" ON "secondment_decisions" USING btree ("year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "secondment_evaluations_year" ON "secondment_evaluations" USING btree ("secondment_id","year");--> statement-breakpoint
CREATE INDEX "secondment_events_sec_idx" ON "secondment_events" USING btree ("secondment_id","at");--> statement-breakpoint
CREATE INDEX "secondment_reports_sec_idx" ON "secondment_reports" USING btree ("secondment_id","due_on");--> statement-breakpoint
CREATE INDEX "secondment_reports_due_idx" ON "secondment_reports" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "secondments_host_idx" ON "secondments" USING btree ("host_unit_id","status");--> statement-breakpoint
CREATE INDEX "secondments_status_end_idx" ON "secondments" USING btree ("status","end_date");--> statement-breakpoint
-- at most one secondment not yet closed per person (proposed through awaiting placement)
DROP INDEX IF EXISTS secondments_one_open_per_person;--> statement-breakpoint
CREATE UNIQUE INDEX secondments_one_open_per_person ON secondments (person_id)
  WHERE status IN ('proposed', 'sent_back', 'appraised', 'decided', 'active', 'completed', 'ended_early');--> statement-breakpoint
UPDATE secondments SET status = 'sent_back' WHERE status = 'returned';--> statement-breakpoint
ALTER TABLE secondments ADD CONSTRAINT secondments_status_check CHECK (status IN
  ('proposed', 'sent_back', 'appraised', 'decided', 'active', 'completed', 'ended_early', 'returned', 'withdrawn', 'rejected'));--> statement-breakpoint
ALTER TABLE secondments ADD CONSTRAINT secondments_dates_check CHECK (end_date IS NULL OR start_date IS NULL OR end_date > start_date);--> statement-breakpoint
ALTER TABLE secondment_decisions ADD CONSTRAINT secondment_decisions_seq_check CHECK (seq >= 1);--> statement-breakpoint
ALTER TABLE secondment_reports ADD CONSTRAINT secondment_reports_kind_check CHECK (kind IN ('periodic', 'adhoc'));
