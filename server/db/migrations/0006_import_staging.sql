CREATE TABLE "import_staged_chunks" (
	"import_id" uuid NOT NULL,
	"sheet" text NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "import_staged_chunks_import_id_sheet_seq_pk" PRIMARY KEY("import_id","sheet","seq")
);
--> statement-breakpoint
CREATE TABLE "import_staging" (
	"import_id" uuid PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"manifest" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "inspection" jsonb;--> statement-breakpoint
ALTER TABLE "import_staging" ADD CONSTRAINT "import_staging_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written: the chunks are large and short-lived, compressing them costs more than it saves
ALTER TABLE "import_staged_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;--> statement-breakpoint
-- hand-written: the kept rows are a cache (a commit without them reads the file again), so they need no WAL;
-- after a crash PostgreSQL empties these tables
ALTER TABLE "import_staging" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "import_staged_chunks" SET UNLOGGED;
