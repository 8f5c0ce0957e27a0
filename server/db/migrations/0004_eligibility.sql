CREATE TABLE "retirement_ages" (
	"gender" text NOT NULL,
	"from_year" integer NOT NULL,
	"age_months" integer NOT NULL,
	"instrument" text NOT NULL,
	CONSTRAINT "retirement_ages_gender_from_year_pk" PRIMARY KEY("gender","from_year")
);
--> statement-breakpoint
CREATE TABLE "screening_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"reference_date" date NOT NULL,
	"unit_id" uuid,
	"actor_user_id" uuid NOT NULL,
	"counts" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secondments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"sending_unit_id" uuid NOT NULL,
	"host_unit_id" uuid,
	"status" text NOT NULL,
	"target_group" integer,
	"start_date" date,
	"end_date" date,
	"decision_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by" uuid NOT NULL,
	"assessor_name" text NOT NULL,
	"capacity_ok" text NOT NULL,
	"prestige_ok" text NOT NULL,
	"prospects_ok" text NOT NULL,
	"political_ok" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "screening_runs" ADD CONSTRAINT "screening_runs_plan_version_id_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondments" ADD CONSTRAINT "secondments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondments" ADD CONSTRAINT "secondments_sending_unit_id_org_units_id_fk" FOREIGN KEY ("sending_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondments" ADD CONSTRAINT "secondments_host_unit_id_org_units_id_fk" FOREIGN KEY ("host_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_assessments" ADD CONSTRAINT "unit_assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "secondments_person_idx" ON "secondments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "secondments_sending_idx" ON "secondments" USING btree ("sending_unit_id","status");--> statement-breakpoint
CREATE INDEX "unit_assessments_person_idx" ON "unit_assessments" USING btree ("person_id","assessed_on");--> statement-breakpoint
-- at most one secondment in progress per person (proposed through active)
CREATE UNIQUE INDEX IF NOT EXISTS secondments_one_open_per_person ON secondments (person_id)
  WHERE status IN ('proposed', 'appraised', 'decided', 'active');
