-- Fills a dedicated benchmark database with synthetic enrolment requests, set-based (generate_series),
-- for the back-office benchmark (docs/PERFORMANCE.md, "Back office with 1 million requests").
--
--   psql -h 127.0.0.1 -U postgres -d segur_bo -v ON_ERROR_STOP=1 -v rows=1000000 -f bench/backoffice/load-requests.sql
--
-- The schema and the sample referentials must already be there: the portal creates them (Flyway) at its
-- first start on the empty database. The script refuses to run when enrolment_request is not empty, so
-- it never writes into a database that holds real requests.
--
-- Per request: one enrolment_request row, one request_person row (the legal representative) and one
-- request_history row (the submission). Spread:
--   * submitted_at: over the 18 months before now, the day growing with the id (as a real sequence would),
--     at a random time of office hours (8:00-18:59), never in the future;
--   * request_number: the portal's own format (ENR + Crockford base 32 + Luhn mod 32 check character) of
--     the id, so the numbers are valid RequestNumber values; enrolment_number_seq is moved past them;
--   * status by age: requests younger than 30 days are SOUMISE / EN_INSTRUCTION / COMPLEMENTS_DEMANDES;
--     older ones mostly VALIDEE, then REJETEE, CLASSEE_SANS_SUITE and a few still open;
--   * company: a random establishment of the sample SIRENE referential (SIRET and legal unit's name);
--   * software: a random solution of the sample ANS referential (so the couloir and DSR filters join);
--   * assigned_agent: none while SOUMISE, else one of 25 agents (agent@asp-public.fr included).
\set ON_ERROR_STOP 1
\if :{?rows}
\else
\set rows 1000000
\endif
\timing on

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM enrolment_request) THEN
        RAISE EXCEPTION 'enrolment_request is not empty: this script only fills a dedicated, empty benchmark database';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM ans_solution) OR NOT EXISTS (SELECT 1 FROM sirene_establishment) THEN
        RAISE EXCEPTION 'no sample referentials: start the portal once on this database first';
    END IF;
END $$;

-- The portal's request number (fr.asp.segur.domain.model.RequestNumber.fromSequence), in SQL.
CREATE FUNCTION pg_temp.request_number(seq bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    digits text := '';
    rest bigint := seq;
    factor int := 2;
    total int := 0;
    addend int;
BEGIN
    WHILE rest > 0 LOOP
        digits := substr(alphabet, (rest % 32)::int + 1, 1) || digits;
        rest := rest / 32;
    END LOOP;
    digits := lpad(digits, 5, '0');
    FOR i IN REVERSE length(digits)..1 LOOP
        addend := factor * (strpos(alphabet, substr(digits, i, 1)) - 1);
        total := total + addend / 32 + addend % 32;
        factor := 3 - factor;
    END LOOP;
    RETURN 'ENR' || digits || substr(alphabet, ((32 - total % 32) % 32) + 1, 1);
END $$;

CREATE TEMP TABLE bench_company AS
SELECT row_number() OVER (ORDER BY e.siret) - 1 AS n, e.siret, e.siren,
       coalesce(u.denomination, e.usual_name, e.sign_name, 'ENTREPRISE ' || e.siren) AS denomination,
       e.usual_name, e.address_complement, e.street_number, e.repetition_index,
       coalesce(e.street_type, 'RUE') AS street_type, coalesce(e.street_name, 'DE LA REPUBLIQUE') AS street_name,
       coalesce(left(e.postal_code, 5), '75001') AS postal_code, coalesce(e.city, 'PARIS') AS city
FROM sirene_establishment e LEFT JOIN sirene_legal_unit u ON u.siren = e.siren;

CREATE TEMP TABLE bench_solution AS
SELECT row_number() OVER (ORDER BY referencing_number) - 1 AS n, referencing_number, software_name,
       software_version, editor_siren, editor_name,
       couloir || ' / ' || software_type || ' / Vague ' || wave AS dsr_label
FROM ans_solution;

CREATE TEMP TABLE bench_agent AS
SELECT n, CASE WHEN n = 0 THEN 'agent@asp-public.fr' ELSE 'agent' || lpad(n::text, 2, '0') || '@asp-public.fr' END AS login
FROM generate_series(0, 24) AS n;

ANALYZE bench_company;
ANALYZE bench_solution;
ANALYZE bench_agent;

-- The rows themselves. Every random draw is a column of "draw", so each row is computed once; the seed
-- makes the data set the same from one load to the next.
SELECT setseed(0.42);
CREATE TEMP TABLE bench_draw AS
SELECT g AS id,
       -- 18 months back from now, growing with g, plus up to 2 h of jitter, office hours
       least(date_trunc('day', now()::timestamp - interval '548 days' + (g::float8 / :rows) * interval '548 days')
                 + interval '8 hours' + (random() * 11 * 3600)::int * interval '1 second',
             now()::timestamp - (random() * 3600)::int * interval '1 second') AS submitted_at,
       floor(random() * (SELECT count(*) FROM bench_company))::int AS company,
       floor(random() * (SELECT count(*) FROM bench_solution))::int AS solution,
       random() AS status_draw,
       floor(random() * 25)::int AS agent,
       floor(random() * 40)::int AS first_name,
       floor(random() * 40)::int AS last_name
FROM generate_series(1, :rows) AS g;

INSERT INTO enrolment_request (id, request_number, status, submitted_at, version, referencing_number,
        software_name, software_version, dsr_label, siret, denomination, referential_denomination,
        commercial_name, recipient_identity, entrance, street_number, street_extension, street_type,
        street_name, address_complement, postal_code, city, distributor, editor_name,
        filer_is_representative, tiers_quality, iban, bic, account_holder, bank_domiciliation,
        commitments_accepted_at, assigned_agent)
SELECT d.id, pg_temp.request_number(d.id), s.status, d.submitted_at,
       CASE WHEN s.status = 'SOUMISE' THEN 0 ELSE 2 END,
       sol.referencing_number, sol.software_name, sol.software_version, sol.dsr_label,
       c.siret, c.denomination, c.denomination, c.usual_name, NULL, NULL,
       c.street_number, c.repetition_index, c.street_type, c.street_name, c.address_complement,
       c.postal_code, c.city, c.siren <> sol.editor_siren, sol.editor_name,
       true, NULL, 'FR7613135000800800267924623', 'CEPAFRPP313', c.denomination, 'CE MID PYRENEES TOULOUSE',
       d.submitted_at,
       CASE WHEN s.status = 'SOUMISE' THEN NULL ELSE a.login END
FROM bench_draw d
JOIN bench_company c ON c.n = d.company
JOIN bench_solution sol ON sol.n = d.solution
JOIN bench_agent a ON a.n = d.agent
CROSS JOIN LATERAL (SELECT CASE
    WHEN d.submitted_at > now() - interval '30 days' THEN
        CASE WHEN d.status_draw < 0.50 THEN 'SOUMISE'
             WHEN d.status_draw < 0.85 THEN 'EN_INSTRUCTION'
             ELSE 'COMPLEMENTS_DEMANDES' END
    ELSE
        CASE WHEN d.status_draw < 0.72 THEN 'VALIDEE'
             WHEN d.status_draw < 0.84 THEN 'REJETEE'
             WHEN d.status_draw < 0.90 THEN 'CLASSEE_SANS_SUITE'
             WHEN d.status_draw < 0.95 THEN 'EN_INSTRUCTION'
             WHEN d.status_draw < 0.98 THEN 'COMPLEMENTS_DEMANDES'
             ELSE 'SOUMISE' END
    END AS status) s;

INSERT INTO request_person (request_id, role, last_name, first_name, email, phone)
SELECT d.id, 'REPRESENTANT',
       (ARRAY['MARTIN','BERNARD','THOMAS','PETIT','ROBERT','RICHARD','DURAND','DUBOIS','MOREAU','LAURENT',
              'SIMON','MICHEL','LEFEBVRE','LEROY','ROUX','DAVID','BERTRAND','MOREL','FOURNIER','GIRARD',
              'BONNET','DUPONT','LAMBERT','FONTAINE','ROUSSEAU','VINCENT','MULLER','LEFEVRE','FAURE','ANDRE',
              'MERCIER','BLANC','GUERIN','BOYER','GARNIER','CHEVALIER','FRANCOIS','LEGRAND','GAUTHIER','GARCIA'])[d.last_name + 1],
       (ARRAY['Camille','Louis','Emma','Gabriel','Jade','Léo','Louise','Raphaël','Alice','Arthur',
              'Chloé','Jules','Lina','Adam','Rose','Hugo','Anna','Lucas','Mia','Paul',
              'Léa','Nathan','Inès','Tom','Manon','Théo','Sarah','Noah','Zoé','Ethan',
              'Julia','Sacha','Lou','Maël','Eva','Nolan','Agathe','Liam','Juliette','Victor'])[d.first_name + 1],
       'representant' || d.id || '@example.com', '06' || lpad((d.id % 100000000)::text, 8, '0')
FROM bench_draw d;

INSERT INTO request_history (request_id, occurred_at, actor, from_status, to_status)
SELECT d.id, d.submitted_at, 'fournisseur', NULL, 'SOUMISE' FROM bench_draw d;

-- New rows written by the portal itself (identity columns, request numbers) come after these.
SELECT setval(pg_get_serial_sequence('enrolment_request', 'id'), (SELECT max(id) FROM enrolment_request));
SELECT setval('enrolment_number_seq', (SELECT max(id) FROM enrolment_request));

DROP TABLE bench_draw;
-- Statistics and visibility map now, as autovacuum would give them to a database in service some time
-- after the load (the referentials loaded at the portal's first start have never been analysed either:
-- without it, PostgreSQL estimates one solution per couloir and picks poor plans for the couloir filter).
VACUUM ANALYZE enrolment_request;
VACUUM ANALYZE request_person;
VACUUM ANALYZE request_history;
ANALYZE ans_solution;
ANALYZE sirene_establishment;
ANALYZE sirene_legal_unit;

SELECT status, count(*) AS requests, min(submitted_at)::date AS first, max(submitted_at)::date AS last
FROM enrolment_request GROUP BY status ORDER BY 2 DESC;
SELECT pg_size_pretty(pg_total_relation_size('enrolment_request')) AS enrolment_request,
       pg_size_pretty(pg_total_relation_size('request_person')) AS request_person,
       pg_size_pretty(pg_total_relation_size('request_history')) AS request_history;
