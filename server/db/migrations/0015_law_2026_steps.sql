CREATE TABLE "allowance_multipliers" (
	"effective_from" date PRIMARY KEY NOT NULL,
	"multiplier" numeric(6, 2) NOT NULL,
	"instrument" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_name" text NOT NULL,
	"action" text NOT NULL,
	"row_key" jsonb NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"instrument" text NOT NULL,
	"reason" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secondment_party_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secondment_id" uuid NOT NULL,
	"committee_name" text NOT NULL,
	"given_on" date NOT NULL,
	"document_no" text NOT NULL,
	"outcome" text NOT NULL,
	"political_conclusion" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secondment_term_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secondment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"proposed_rating" text,
	"content" text NOT NULL,
	"strengths" text,
	"weaknesses" text,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "commendation" jsonb;--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "follow_up" jsonb;--> statement-breakpoint
ALTER TABLE "training_regulations" ADD COLUMN "category" text DEFAULT 'cong_chuc' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_regulations" DROP CONSTRAINT "training_regulations_pkey";--> statement-breakpoint
ALTER TABLE "training_regulations" ADD CONSTRAINT "training_regulations_category_effective_from_pk" PRIMARY KEY("category","effective_from");--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "probation_ended_on" date;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "status" text DEFAULT 'assessed' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "council_decision_no" text;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "council_formed_on" date;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "council_members" jsonb;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "decision_no" text;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "decided_on" date;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "paid_vnd" bigint;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD COLUMN "paid_on" date;--> statement-breakpoint
ALTER TABLE "secondment_party_opinions" ADD CONSTRAINT "secondment_party_opinions_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondment_term_reviews" ADD CONSTRAINT "secondment_term_reviews_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reference_changes_table_idx" ON "reference_changes" USING btree ("table_name","created_at");--> statement-breakpoint
CREATE INDEX "secondment_party_opinions_sec_idx" ON "secondment_party_opinions" USING btree ("secondment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "secondment_term_reviews_kind" ON "secondment_term_reviews" USING btree ("secondment_id","kind");;--> statement-breakpoint
ALTER TABLE "training_repayments" ADD CONSTRAINT "training_repayments_status_ck" CHECK ("status" IN ('assessed', 'council_formed', 'decided', 'paid', 'waived', 'not_due'));--> statement-breakpoint
ALTER TABLE "secondment_term_reviews" ADD CONSTRAINT "secondment_term_reviews_kind_ck" CHECK ("kind" IN ('self_review', 'host_collective', 'host_party_committee'));--> statement-breakpoint
ALTER TABLE "secondment_party_opinions" ADD CONSTRAINT "secondment_party_opinions_outcome_ck" CHECK ("outcome" IN ('agree', 'disagree') AND "political_conclusion" IN ('meets', 'not_meets'))