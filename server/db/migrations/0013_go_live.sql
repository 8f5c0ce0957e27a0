CREATE TABLE "org_unit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"source_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"decision_no" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "province_settings" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level_word" text NOT NULL,
	"place_name" text NOT NULL,
	"peoples_committee_name" text NOT NULL,
	"set_up_by" uuid,
	"set_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "province_settings_singleton_ck" CHECK ("province_settings"."singleton")
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "document_name" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "document_type" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "document" "bytea";--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "template" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "org_unit_events" ADD CONSTRAINT "org_unit_events_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_unit_events_unit_idx" ON "org_unit_events" USING btree ("unit_id","effective_on");