-- Accent-insensitive search and Vietnamese-order sorting of people (hand-written: expression indexes).
CREATE INDEX IF NOT EXISTS people_name_search_trgm ON people USING gin (f_unaccent(lower(full_name)) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS people_code_trgm ON people USING gin (lower(code) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS people_vi_sort ON people ((given_name COLLATE "vi-VN-x-icu"), (full_name COLLATE "vi-VN-x-icu"), id);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS org_units_name_search_trgm ON org_units USING gin (f_unaccent(lower(name)) gin_trgm_ops);--> statement-breakpoint
-- The audit trail is append-only: updates and deletes are refused at the database.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
