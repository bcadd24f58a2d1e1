-- Fills a dedicated benchmark database with synthetic funding requests, set-based (generate_series), for
-- the funding queue benchmark (docs/PERFORMANCE.md, "Funding queue with 1 million requests").
--
--   psql -h 127.0.0.1 -U postgres -d segur_fund_bench -v ON_ERROR_STOP=1 -v rows=1000000 -f bench/funding/load-funding.sql
--
-- Needs the schema, the sample funding calls (the portal creates and loads them at its first start on the
-- empty database) and some enrolment requests to file for (bench/backoffice/load-requests.sql, e.g. with
-- rows=100000: the enrolment list is the run's baseline). Refuses to run when funding_request is not empty.
--
-- Per request: one funding_request row and one funding_request_history row (the filing). Spread:
--   * filed_at: over the 12 months before now, growing with the id, at office hours;
--   * enrolment: one of the VALIDEE enrolment requests (its SIRET is the supplier's), at random;
--   * call: one of the sample calls, at random; amounts from a random order form (500-30,000 € HT) and the
--     call's flat ceiling or a random line of its table, avance = 30 % half-up, solde = the rest;
--   * client: a 9-digit identifier (FINESS-like, or the SIRET's first 9 digits for SIRET calls: the queue does
--     not read it), 2 % unknown to the referential;
--   * status: filed in the last 30 days: Avance déposée / en instruction / compléments; older: mostly Avance
--     payée or the solde's states, 8 % rejected;
--   * 1 % in conflict with the request filed just before it (conflict_with_id).
-- No client claims are written (the queue does not read them).
\set ON_ERROR_STOP 1
\if :{?rows}
\else
\set rows 1000000
\endif
\timing on

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM funding_request) THEN
        RAISE EXCEPTION 'funding_request is not empty: this script only fills a dedicated benchmark database';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM enrolment_request WHERE status = 'VALIDEE') OR NOT EXISTS (SELECT 1 FROM funding_call) THEN
        RAISE EXCEPTION 'no validated enrolment or no funding call: start the portal once, then load enrolment requests';
    END IF;
END $$;

-- The portal's funding request number (FundingRequestNumber.fromSequence): "DF" + RequestNumber's body.
CREATE FUNCTION pg_temp.funding_number(seq bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
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
    RETURN 'DF' || digits || substr(alphabet, ((32 - total % 32) % 32) + 1, 1);
END $$;

SELECT setseed(0.42);

CREATE TEMP TABLE bench_enrolment AS
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, siret FROM enrolment_request WHERE status = 'VALIDEE';
CREATE TEMP TABLE bench_call AS
SELECT row_number() OVER (ORDER BY c.id) - 1 AS n, c.id, c.client_kind, c.flat_ceiling_ht, c.avance_rate
FROM funding_call c;
CREATE TEMP TABLE bench_ceiling AS
SELECT call_id, row_number() OVER (PARTITION BY call_id ORDER BY position) - 1 AS n, tranche, amount_ht,
       count(*) OVER (PARTITION BY call_id) AS lines
FROM funding_call_ceiling;
ANALYZE bench_enrolment;
ANALYZE bench_call;
ANALYZE bench_ceiling;

CREATE TEMP TABLE bench_row AS
SELECT g AS i,
       (SELECT count(*) FROM bench_enrolment) AS enrolments,
       (SELECT count(*) FROM bench_call) AS calls,
       random() AS r_enrolment, random() AS r_call, random() AS r_tranche, random() AS r_amount,
       random() AS r_status, random() AS r_known, random() AS r_time, random() AS r_conflict,
       (now() - interval '365 days' + (g::float8 / :rows) * interval '365 days')::date AS day
FROM generate_series(1, :rows) AS g;

INSERT INTO funding_request (id, request_number, call_id, enrolment_request_id, supplier_siret, filed_by,
                             client_kind, client_identifier, client_name, client_known, ceiling_tranche,
                             order_signed_on, order_amount_ht, ceiling_ht, granted_ht, avance_ht, solde_ht,
                             status, conflict_with_id, filed_at, solde_filed_at, version)
SELECT b.i, pg_temp.funding_number(b.i), c.id, e.id, e.siret, 'fournisseur' || (e.n % 500) || '@bench.example',
       c.client_kind, lpad(((b.i::bigint * 7919) % 1000000000)::text, 9, '0'),
       'Client ' || b.i, b.r_known >= 0.02, t.tranche, b.day - 3, o.amount, l.ceiling,
       least(o.amount, l.ceiling), round(least(o.amount, l.ceiling) * c.avance_rate, 2),
       least(o.amount, l.ceiling) - round(least(o.amount, l.ceiling) * c.avance_rate, 2),
       s.status, CASE WHEN b.r_conflict < 0.01 AND b.i > 1 THEN b.i - 1 END,
       b.day + interval '8 hours' + b.r_time * interval '11 hours',
       CASE WHEN s.status LIKE 'SOLDE%' THEN b.day + interval '40 days' END, 0
FROM bench_row b
JOIN bench_enrolment e ON e.n = floor(b.r_enrolment * b.enrolments)
JOIN bench_call c ON c.n = floor(b.r_call * b.calls)
LEFT JOIN bench_ceiling t ON t.call_id = c.id AND c.flat_ceiling_ht IS NULL
     AND t.n = floor(b.r_tranche * t.lines)
CROSS JOIN LATERAL (SELECT round((500 + b.r_amount * 29500)::numeric, 2) AS amount) o
CROSS JOIN LATERAL (SELECT coalesce(c.flat_ceiling_ht, t.amount_ht) AS ceiling) l
CROSS JOIN LATERAL (SELECT CASE
        WHEN b.day > current_date - 30 THEN
            CASE WHEN b.r_status < 0.5 THEN 'AVANCE_DEPOSEE' WHEN b.r_status < 0.85 THEN 'AVANCE_EN_INSTRUCTION'
                 ELSE 'AVANCE_COMPLEMENTS' END
        WHEN b.r_status < 0.08 THEN 'AVANCE_REJETEE'
        WHEN b.r_status < 0.12 THEN 'AVANCE_VALIDEE'
        WHEN b.r_status < 0.45 THEN 'AVANCE_PAYEE'
        WHEN b.r_status < 0.55 THEN 'SOLDE_DEPOSE'
        WHEN b.r_status < 0.62 THEN 'SOLDE_EN_INSTRUCTION'
        WHEN b.r_status < 0.65 THEN 'SOLDE_COMPLEMENTS'
        WHEN b.r_status < 0.68 THEN 'SOLDE_REJETE'
        WHEN b.r_status < 0.72 THEN 'SOLDE_VALIDE'
        ELSE 'SOLDE_PAYE' END AS status) s;

INSERT INTO funding_request_history (funding_request_id, occurred_at, actor, to_status)
SELECT id, filed_at, filed_by, 'AVANCE_DEPOSEE' FROM funding_request;

SELECT setval('funding_number_seq', (SELECT max(id) FROM funding_request));
ALTER TABLE funding_request ALTER COLUMN id RESTART WITH 100000000;
VACUUM ANALYZE funding_request;
VACUUM ANALYZE funding_request_history;
SELECT status, count(*) FROM funding_request GROUP BY status ORDER BY status;
