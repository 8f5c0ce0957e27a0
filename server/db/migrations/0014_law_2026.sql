CREATE TABLE "key_posts" (
	"title" text NOT NULL,
	"level" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"instrument" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "key_posts_title_level_effective_from_pk" PRIMARY KEY("title","level","effective_from")
);
--> statement-breakpoint
CREATE TABLE "person_circumstances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"child_birth_date" date,
	"consent_on" date,
	"consent_document_no" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_proceedings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"outcome" text,
	"document_no" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_ratings" ADD COLUMN "points" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "discipline_records" ADD COLUMN "party_decided_on" date;--> statement-breakpoint
ALTER TABLE "person_circumstances" ADD CONSTRAINT "person_circumstances_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_proceedings" ADD CONSTRAINT "person_proceedings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_circumstances_person_idx" ON "person_circumstances" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_proceedings_person_idx" ON "person_proceedings" USING btree ("person_id");