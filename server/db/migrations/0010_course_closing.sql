ALTER TABLE "training_history" ADD COLUMN "enrolment_id" uuid;--> statement-breakpoint
ALTER TABLE "training_courses" ADD COLUMN "nominations_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training_courses" ADD COLUMN "nominations_closed_reason" text;--> statement-breakpoint
ALTER TABLE "training_courses" ADD COLUMN "nominations_closed_by" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "training_history_enrolment_uq" ON "training_history" USING btree ("enrolment_id");