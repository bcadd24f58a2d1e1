-- Referential synchronisation jobs (ans-referential-sync, bank-referential-sync) and the nightly
-- schedule shared by every node of a cluster. Portable between PostgreSQL and H2 (LEGACY mode).

-- Keys an import met in its file, per job instance: the final step withdraws what this instance did
-- not see. Kept apart from the referential tables so that a run over an unchanged file writes nothing
-- there; a restarted instance keeps its id, so what it saw before the crash still counts.
CREATE TABLE referential_sync_seen (
    job_instance_id     BIGINT       NOT NULL,
    item_key            VARCHAR(64)  NOT NULL,
    PRIMARY KEY (job_instance_id, item_key)
);

-- Banks: only French institutions, one row per bank code (the ECB's RIAD code is FR + bank code).
-- A bank no longer in the ECB list is marked withdrawn (the Domiciliation look-up ignores it), never deleted.
ALTER TABLE bank_institution ADD COLUMN withdrawn BOOLEAN DEFAULT FALSE NOT NULL;
-- Rows without a French bank code came from non-French lines of the sample list: not French institutions.
UPDATE bank_institution SET withdrawn = TRUE WHERE bank_code IS NULL;
DELETE FROM bank_institution WHERE bank_code IS NOT NULL AND EXISTS (
    SELECT 1 FROM bank_institution older WHERE older.bank_code = bank_institution.bank_code AND older.id < bank_institution.id);
CREATE UNIQUE INDEX bank_institution_bank_code_unique ON bank_institution (bank_code);

-- A nightly start claimed by one node: every node has the timer, the node whose INSERT succeeds
-- starts the job, the others meet the primary key and do nothing.
CREATE TABLE batch_schedule_claim (
    job_name            VARCHAR(64)  NOT NULL,
    scheduled_date      DATE         NOT NULL,
    node                VARCHAR(255) NOT NULL,
    claimed_at          TIMESTAMP    NOT NULL,
    execution_id        BIGINT,
    PRIMARY KEY (job_name, scheduled_date)
);
