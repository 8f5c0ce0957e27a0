ALTER TABLE "people" ADD COLUMN "search_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', f_unaccent(lower(full_name)))) STORED;--> statement-breakpoint
-- word-prefix search replaces substring search; the expression index it replaces made every scanned row call unaccent()
DROP INDEX IF EXISTS people_name_search_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS people_search_tsv ON people USING gin (search_tsv);
