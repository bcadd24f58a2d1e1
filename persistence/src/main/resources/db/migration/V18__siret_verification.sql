-- Degraded mode: a valid SIRET absent from the local SIRENE referential (a company created since the
-- last sync) no longer blocks the supplier. The request records whether its SIRET was found at
-- submission, and what the later SIRENE syncs found.
ALTER TABLE enrolment_request ADD COLUMN siret_verification VARCHAR(16) DEFAULT 'SIRENE' NOT NULL;
ALTER TABLE enrolment_request ADD COLUMN siret_checked_at TIMESTAMP;
CREATE INDEX enrolment_request_siret_verification ON enrolment_request (siret_verification, id);
