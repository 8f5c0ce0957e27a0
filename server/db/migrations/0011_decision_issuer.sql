DROP INDEX "secondment_decisions_year_seq";--> statement-breakpoint
ALTER TABLE "secondment_decisions" ADD COLUMN "issuer_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "secondment_decisions" ADD CONSTRAINT "secondment_decisions_issuer_unit_id_org_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondment_decisions" ADD CONSTRAINT "secondment_decisions_issuer_year_seq" UNIQUE NULLS NOT DISTINCT("issuer_unit_id","year","seq");