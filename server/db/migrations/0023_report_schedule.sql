ALTER TABLE "reports" ADD COLUMN "due_on" date;--> statement-breakpoint
CREATE INDEX "reports_due_idx" ON "reports" USING btree ("due_on") WHERE "reports"."due_on" IS NOT NULL;