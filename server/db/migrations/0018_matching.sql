CREATE TABLE "matching_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"reference_date" date NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"objective" double precision NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_round_id_demand_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."demand_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matching_runs_round_idx" ON "matching_runs" USING btree ("round_id","created_at");