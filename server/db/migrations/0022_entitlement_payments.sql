CREATE TABLE "entitlement_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secondment_id" uuid NOT NULL,
	"kind" text DEFAULT 'payment' NOT NULL,
	"code" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"voucher_no" text NOT NULL,
	"payer" text NOT NULL,
	"payer_name" text NOT NULL,
	"note" text,
	"reverses_id" uuid,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "entitlement_payments_kind_ck" CHECK ("entitlement_payments"."kind" IN ('payment', 'reversal')),
	CONSTRAINT "entitlement_payments_code_ck" CHECK ("entitlement_payments"."code" IN ('keep_salary', 'one_off_allowance', 'disadvantaged_package', 'extra_step')),
	CONSTRAINT "entitlement_payments_payer_ck" CHECK ("entitlement_payments"."payer" IN ('sending_unit', 'state_budget', 'decree76')),
	CONSTRAINT "entitlement_payments_amount_ck" CHECK ("entitlement_payments"."amount_vnd" > 0),
	CONSTRAINT "entitlement_payments_reversal_ck" CHECK (("entitlement_payments"."kind" = 'payment' AND "entitlement_payments"."reverses_id" IS NULL) OR ("entitlement_payments"."kind" = 'reversal' AND "entitlement_payments"."reverses_id" IS NOT NULL AND "entitlement_payments"."reason" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "kind" text DEFAULT 'plan131' NOT NULL;--> statement-breakpoint
ALTER TABLE "entitlement_payments" ADD CONSTRAINT "entitlement_payments_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entitlement_payments_secondment_idx" ON "entitlement_payments" USING btree ("secondment_id","code");--> statement-breakpoint
CREATE INDEX "entitlement_payments_paid_idx" ON "entitlement_payments" USING btree ("paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlement_payments_reverses_uq" ON "entitlement_payments" USING btree ("reverses_id") WHERE reverses_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_kind_ck" CHECK ("reports"."kind" IN ('plan131', 'training_annual'));