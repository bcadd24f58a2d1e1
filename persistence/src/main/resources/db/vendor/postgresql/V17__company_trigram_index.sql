-- PostgreSQL only (DatabaseMigration adds db/vendor/postgresql to Flyway's locations on PostgreSQL):
-- the back office's "Société contient" filter is UPPER(denomination) LIKE '%TEXT%' (RequestQueries),
-- which no B-tree can serve. A trigram GIN index on that very expression can, for texts of 3
-- characters or more (docs/PERFORMANCE.md). pg_trgm ships with PostgreSQL (contrib); creating it
-- needs a superuser or, since PostgreSQL 13, the database owner (it is a trusted extension):
-- production must allow it, or a DBA creates it beforehand (then IF NOT EXISTS does nothing).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX enrolment_request_denomination_trgm ON enrolment_request USING gin (upper(denomination) gin_trgm_ops);
