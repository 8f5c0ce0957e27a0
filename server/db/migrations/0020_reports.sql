CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"unit_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"figures" jsonb,
	"year" integer,
	"seq" integer,
	"number" text,
	"issued_on" date,
	"signer_name" text,
	"signer_title" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reports_status_ck" CHECK ("reports"."status" IN ('draft', 'issued')),
	CONSTRAINT "reports_period_ck" CHECK ("reports"."period_to" >= "reports"."period_from"),
	CONSTRAINT "reports_issued_ck" CHECK (("reports"."status" = 'draft' AND "reports"."seq" IS NULL AND "reports"."figures" IS NULL) OR ("reports"."status" = 'issued' AND "reports"."seq" IS NOT NULL AND "reports"."number" IS NOT NULL AND "reports"."issued_on" IS NOT NULL AND "reports"."figures" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_unit_idx" ON "reports" USING btree ("unit_id","period_to");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_book_year_seq_uq" ON "reports" USING btree (coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"year","seq");