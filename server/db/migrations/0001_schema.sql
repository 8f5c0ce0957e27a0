CREATE TABLE "job_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"is_leadership" boolean DEFAULT false NOT NULL,
	"is_key_post" boolean DEFAULT false NOT NULL,
	"min_education" text,
	"required_rank_grade" text,
	"required_political_theory" text,
	"standards" text
);
--> statement-breakpoint
CREATE TABLE "legacy_communes" (
	"old_code" text NOT NULL,
	"old_name" text NOT NULL,
	"new_unit_id" uuid NOT NULL,
	"match" text NOT NULL,
	CONSTRAINT "legacy_communes_old_code_new_unit_id_pk" PRIMARY KEY("old_code","new_unit_id")
);
--> statement-breakpoint
CREATE TABLE "org_unit_staffing" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"assigned_staffing" integer NOT NULL,
	"decision_no" text,
	CONSTRAINT "org_unit_staffing_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"path" uuid[] NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"restructured_on" date,
	"is_especially_disadvantaged" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "base_salaries" (
	"effective_from" date PRIMARY KEY NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"instrument" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline_forms" (
	"code" text NOT NULL,
	"name" text NOT NULL,
	"applies_to" text[] NOT NULL,
	"bar_months" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"instrument" text NOT NULL,
	CONSTRAINT "discipline_forms_code_effective_from_pk" PRIMARY KEY("code","effective_from")
);
--> statement-breakpoint
CREATE TABLE "ethnic_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"is_minority" boolean NOT NULL,
	"aliases" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ranks" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"grade" text NOT NULL,
	"coefficients" numeric(4, 2)[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_levels" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"instrument" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"params" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_versions_plan_version_uq" UNIQUE("plan_id","version")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"issued_by" text NOT NULL,
	"issued_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "annual_ratings" (
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"level_code" text NOT NULL,
	"note" text,
	CONSTRAINT "annual_ratings_person_id_year_pk" PRIMARY KEY("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "discipline_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"form_code" text NOT NULL,
	"decision_no" text,
	"decided_on" date NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"full_name" text NOT NULL,
	"given_name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnic_code" text,
	"religion" text,
	"id_number" text,
	"phone" text,
	"email" text,
	"home_town_code" text,
	"home_town_text" text,
	"unit_id" uuid NOT NULL,
	"job_post_id" uuid,
	"position_title" text,
	"is_leader" boolean DEFAULT false NOT NULL,
	"category" text NOT NULL,
	"rank_code" text,
	"salary_step" integer,
	"salary_coefficient" numeric(4, 2),
	"leadership_allowance_coef" numeric(4, 2),
	"seniority_allowance_pct" integer,
	"recruited_on" date,
	"general_education" text,
	"education_level" text,
	"major" text,
	"political_theory" text,
	"state_management" text,
	"party_joined_on" date,
	"party_official_on" date,
	"health_status" text,
	"health_checked_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "planning_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"term" text NOT NULL,
	"decision_no" text,
	"approved_on" date NOT NULL,
	"removed_on" date
);
--> statement-breakpoint
CREATE TABLE "training_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"institution" text NOT NULL,
	"field" text NOT NULL,
	"kind" text NOT NULL,
	"certificate" text
);
--> statement-breakpoint
CREATE TABLE "work_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"organisation" text NOT NULL,
	"position" text,
	"is_grassroots" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"reason" text NOT NULL,
	"source_type" text,
	"source_id" uuid
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid,
	"valid_from" date,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"person_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"person_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"meta" jsonb,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_posts" ADD CONSTRAINT "job_posts_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_communes" ADD CONSTRAINT "legacy_communes_new_unit_id_org_units_id_fk" FOREIGN KEY ("new_unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_staffing" ADD CONSTRAINT "org_unit_staffing_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_ratings" ADD CONSTRAINT "annual_ratings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_entries" ADD CONSTRAINT "planning_entries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_history" ADD CONSTRAINT "training_history_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_history" ADD CONSTRAINT "work_history_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_access_grants" ADD CONSTRAINT "person_access_grants_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_access_grants" ADD CONSTRAINT "person_access_grants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_posts_unit_idx" ON "job_posts" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "legacy_communes_new_idx" ON "legacy_communes" USING btree ("new_unit_id");--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_units_path_gin" ON "org_units" USING gin ("path");--> statement-breakpoint
CREATE INDEX "discipline_person_idx" ON "discipline_records" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_unit_idx" ON "people" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "people_birth_idx" ON "people" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "people_ethnic_idx" ON "people" USING btree ("ethnic_code");--> statement-breakpoint
CREATE INDEX "planning_person_idx" ON "planning_entries" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_history_person_idx" ON "training_history" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "work_history_person_idx" ON "work_history" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_access_unit_idx" ON "person_access_grants" USING btree ("unit_id","person_id");--> statement-breakpoint
CREATE INDEX "role_grants_user_idx" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_person_idx" ON "audit_log" USING btree ("person_id");