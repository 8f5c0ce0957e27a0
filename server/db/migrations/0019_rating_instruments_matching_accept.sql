CREATE TABLE "rating_instruments" (
	"category" text NOT NULL,
	"effective_from" date NOT NULL,
	"has_points" boolean NOT NULL,
	"instrument" text NOT NULL,
	CONSTRAINT "rating_instruments_category_effective_from_pk" PRIMARY KEY("category","effective_from")
);
--> statement-breakpoint
ALTER TABLE "secondments" ADD COLUMN "matching_run_id" uuid;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD COLUMN "accepted_by" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "secondments_matching_pair_uq" ON "secondments" USING btree ("matching_run_id","person_id") WHERE matching_run_id IS NOT NULL;