CREATE TABLE "training_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"funding_source" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"committed_vnd" bigint DEFAULT 0 NOT NULL,
	"spent_vnd" bigint DEFAULT 0 NOT NULL,
	"overdraft_vnd" bigint DEFAULT 0 NOT NULL,
	"computed_vnd" bigint,
	"computation" jsonb,
	"override_reason" text,
	"override_by" uuid,
	"override_by_name" text,
	"override_at" timestamp with time zone,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_budgets_unit_year_source_uq" UNIQUE("unit_id","year","funding_source"),
	CONSTRAINT "training_budgets_amount_ck" CHECK ("training_budgets"."amount_vnd" >= 0),
	CONSTRAINT "training_budgets_committed_ck" CHECK ("training_budgets"."committed_vnd" >= 0 AND "training_budgets"."spent_vnd" >= 0 AND "training_budgets"."overdraft_vnd" >= 0),
	CONSTRAINT "training_budgets_spent_le_committed_ck" CHECK ("training_budgets"."spent_vnd" <= "training_budgets"."committed_vnd"),
	CONSTRAINT "training_budgets_not_negative_ck" CHECK ("training_budgets"."committed_vnd" <= "training_budgets"."amount_vnd" + "training_budgets"."overdraft_vnd"),
	CONSTRAINT "training_budgets_funding_ck" CHECK ("training_budgets"."funding_source" IN ('regular', 'supplementary'))
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"provider" text NOT NULL,
	"location" text NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"fields" text[] NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"hours" integer NOT NULL,
	"capacity" integer NOT NULL,
	"cost_per_participant_vnd" bigint NOT NULL,
	"funding_source" text NOT NULL,
	"requires_planning" text DEFAULT 'no' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_dates_ck" CHECK ("training_courses"."end_date" >= "training_courses"."start_date"),
	CONSTRAINT "training_courses_capacity_ck" CHECK ("training_courses"."capacity" > 0),
	CONSTRAINT "training_courses_hours_ck" CHECK ("training_courses"."hours" > 0),
	CONSTRAINT "training_courses_cost_ck" CHECK ("training_courses"."cost_per_participant_vnd" >= 0),
	CONSTRAINT "training_courses_kind_ck" CHECK ("training_courses"."kind" IN ('short_course', 'university', 'master', 'doctorate')),
	CONSTRAINT "training_courses_location_ck" CHECK ("training_courses"."location" IN ('domestic', 'foreign')),
	CONSTRAINT "training_courses_funding_ck" CHECK ("training_courses"."funding_source" IN ('regular', 'supplementary'))
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"budget_unit_id" uuid NOT NULL,
	"need_id" uuid,
	"status" text NOT NULL,
	"nominated_by" uuid NOT NULL,
	"nominated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"nomination_note" text,
	"eligibility" jsonb NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"refusal_reason" text,
	"funding_source" text NOT NULL,
	"budget_id" uuid,
	"estimated_cost_vnd" bigint NOT NULL,
	"committed_vnd" bigint DEFAULT 0 NOT NULL,
	"spent_vnd" bigint DEFAULT 0 NOT NULL,
	"override_reason" text,
	"enrolled_on" date,
	"commitment_months" integer,
	"commitment_from" date,
	"commitment_to" date,
	"result" text,
	"certificate_no" text,
	"completed_on" date,
	"ended_on" date,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_enrolments_status_ck" CHECK ("training_enrolments"."status" IN ('nominated', 'refused', 'approved', 'enrolled', 'completed', 'failed', 'withdrawn')),
	CONSTRAINT "training_enrolments_money_ck" CHECK ("training_enrolments"."estimated_cost_vnd" >= 0 AND "training_enrolments"."spent_vnd" >= 0 AND "training_enrolments"."spent_vnd" <= "training_enrolments"."committed_vnd"),
	CONSTRAINT "training_enrolments_commitment_ck" CHECK ("training_enrolments"."commitment_to" IS NULL OR "training_enrolments"."commitment_to" >= "training_enrolments"."commitment_from")
);
--> statement-breakpoint
CREATE TABLE "training_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"enrolment_id" uuid,
	"kind" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"entry_date" date NOT NULL,
	"override_reason" text,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_ledger_amount_ck" CHECK ("training_ledger"."amount_vnd" > 0),
	CONSTRAINT "training_ledger_kind_ck" CHECK ("training_ledger"."kind" IN ('commit', 'release', 'spend'))
);
--> statement-breakpoint
CREATE TABLE "training_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid,
	"job_post_id" uuid,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"fields" text[] NOT NULL,
	"description" text NOT NULL,
	"standards_gap" jsonb NOT NULL,
	"headcount" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_needs_headcount_ck" CHECK ("training_needs"."headcount" > 0),
	CONSTRAINT "training_needs_period_ck" CHECK ("training_needs"."period" IN ('2025', '2026-2030')),
	CONSTRAINT "training_needs_status_ck" CHECK ("training_needs"."status" IN ('open', 'planned', 'met'))
);
--> statement-breakpoint
CREATE TABLE "training_regulations" (
	"effective_from" date PRIMARY KEY NOT NULL,
	"params" jsonb NOT NULL,
	"instrument" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_repayments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"left_on" date NOT NULL,
	"reason" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"explanation" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_repayments_enrolment_uq" UNIQUE("enrolment_id"),
	CONSTRAINT "training_repayments_amount_ck" CHECK ("training_repayments"."amount_vnd" >= 0)
);
--> statement-breakpoint
ALTER TABLE "training_budgets" ADD CONSTRAINT "training_budgets_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_budget_unit_id_org_units_id_fk" FOREIGN KEY ("budget_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_need_id_training_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."training_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_budget_id_training_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."training_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_ledger" ADD CONSTRAINT "training_ledger_budget_id_training_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."training_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_ledger" ADD CONSTRAINT "training_ledger_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_needs" ADD CONSTRAINT "training_needs_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD CONSTRAINT "training_repayments_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_courses_start_idx" ON "training_courses" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "training_enrolments_course_idx" ON "training_enrolments" USING btree ("course_id","status");--> statement-breakpoint
CREATE INDEX "training_enrolments_person_idx" ON "training_enrolments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_unit_idx" ON "training_enrolments" USING btree ("budget_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_open_uq" ON "training_enrolments" USING btree ("course_id","person_id") WHERE "training_enrolments"."status" NOT IN ('refused', 'withdrawn');--> statement-breakpoint
CREATE INDEX "training_ledger_budget_idx" ON "training_ledger" USING btree ("budget_id","entry_date");--> statement-breakpoint
CREATE INDEX "training_needs_unit_idx" ON "training_needs" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "training_needs_person_idx" ON "training_needs" USING btree ("person_id");