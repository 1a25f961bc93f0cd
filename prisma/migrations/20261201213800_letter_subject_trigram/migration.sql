-- The subject search of the Postfach is a substring match (ILIKE with wildcards), and a trigram index answers it without
-- reading all letters of a member. pg_trgm ships with PostgreSQL (contrib) and with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Letter_subject_trgm_idx" ON "Letter" USING GIN ("subject" gin_trgm_ops);
