CREATE TABLE "guidance_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"issued_by" text NOT NULL,
	"body" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by" uuid,
	"review_note" text,
	"accepted_on" date,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspection_recommendations_status_ck" CHECK ("inspection_recommendations"."status" IN ('open', 'answered', 'accepted', 'returned')),
	CONSTRAINT "inspection_recommendations_answer_ck" CHECK ("inspection_recommendations"."status" NOT IN ('answered', 'accepted') OR ("inspection_recommendations"."answer" IS NOT NULL AND "inspection_recommendations"."answered_on" IS NOT NULL)),
	CONSTRAINT "inspection_recommendations_accepted_ck" CHECK ("inspection_recommendations"."status" <> 'accepted' OR "inspection_recommendations"."accepted_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"members" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject" text NOT NULL,
	"findings" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"conclusion_no" text,
	"concluded_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspections_status_ck" CHECK ("inspections"."status" IN ('draft', 'concluded')),
	CONSTRAINT "inspections_dates_ck" CHECK ("inspections"."to_on" >= "inspections"."from_on"),
	CONSTRAINT "inspections_concluded_ck" CHECK ("inspections"."status" = 'draft' OR ("inspections"."conclusion_no" IS NOT NULL AND "inspections"."concluded_on" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "inspection_recommendations" ADD CONSTRAINT "inspection_recommendations_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guidance_documents_issued_idx" ON "guidance_documents" USING btree ("issued_on");--> statement-breakpoint
CREATE INDEX "inspection_recommendations_inspection_idx" ON "inspection_recommendations" USING btree ("inspection_id","seq");--> statement-breakpoint
CREATE INDEX "inspection_recommendations_deadline_idx" ON "inspection_recommendations" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "inspections" USING btree ("unit_id");