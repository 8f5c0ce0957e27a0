CREATE TABLE "commune_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"job_post_id" uuid,
	"field" text NOT NULL,
	"post_title" text,
	"count" integer NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"wanted_from" date,
	"wanted_until" date,
	"min_education" text,
	"required_rank_grade" text,
	"required_political_theory" text,
	"standards" text,
	"reason" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_count" integer,
	"review_note" text,
	"round_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "commune_needs_count_ck" CHECK ("commune_needs"."count" BETWEEN 1 AND 50),
	CONSTRAINT "commune_needs_approved_count_ck" CHECK ("commune_needs"."approved_count" IS NULL OR ("commune_needs"."approved_count" BETWEEN 1 AND "commune_needs"."count")),
	CONSTRAINT "commune_needs_urgency_ck" CHECK ("commune_needs"."urgency" IN ('high', 'normal', 'low')),
	CONSTRAINT "commune_needs_status_ck" CHECK ("commune_needs"."status" IN ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "commune_needs_dates_ck" CHECK ("commune_needs"."wanted_until" IS NULL OR "commune_needs"."wanted_from" IS NULL OR "commune_needs"."wanted_until" > "commune_needs"."wanted_from")
);
--> statement-breakpoint
CREATE TABLE "demand_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_on" date,
	"decision_no" text,
	"note" text,
	"created_by" uuid NOT NULL,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "demand_rounds_status_ck" CHECK ("demand_rounds"."status" IN ('draft', 'approved', 'closed')),
	CONSTRAINT "demand_rounds_approved_ck" CHECK ("demand_rounds"."status" = 'draft' OR ("demand_rounds"."approved_on" IS NOT NULL AND "demand_rounds"."decision_no" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "job_posts" ADD COLUMN "norm" integer;--> statement-breakpoint
ALTER TABLE "job_posts" ADD COLUMN "field" text;--> statement-breakpoint
ALTER TABLE "commune_needs" ADD CONSTRAINT "commune_needs_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_needs" ADD CONSTRAINT "commune_needs_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_needs" ADD CONSTRAINT "commune_needs_round_id_demand_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."demand_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commune_needs_unit_idx" ON "commune_needs" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "commune_needs_round_idx" ON "commune_needs" USING btree ("round_id");--> statement-breakpoint
ALTER TABLE "job_posts" ADD CONSTRAINT "job_posts_norm_ck" CHECK ("job_posts"."norm" IS NULL OR "job_posts"."norm" >= 0);