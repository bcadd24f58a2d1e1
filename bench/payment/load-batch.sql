-- An exported payment batch of :lines transfers, for the payment-file benchmark (docs/PERFORMANCE.md,
-- "Payment file"). Set-based; run it in a dedicated benchmark database the portal has created (Flyway,
-- sample referentials and calls):
--
--   psql -h 127.0.0.1 -U postgres -d segur_pay -v ON_ERROR_STOP=1 -v lines=100000 -v day=2031-01-06 -f bench/payment/load-batch.sql
--
-- One validated enrolment (the guide's KALINKA), :lines funding requests paid by a batch dated :day.
\set ON_ERROR_STOP 1
INSERT INTO enrolment_request (request_number, status, submitted_at, version, referencing_number, software_name,
    software_version, dsr_label, siret, denomination, street_type, street_name, postal_code, city, distributor,
    editor_name, filer_is_representative, iban, bic, account_holder, bank_domiciliation, commitments_accepted_at)
SELECT 'ENRBENCH' || to_char(:'day'::date, 'YYMMDD'), 'VALIDEE', now(), 0, '0215jug63a', 'RADIO RIS LOGICIEL 1', '2.1',
       'DSR-RAD-RIS-Va1', '81120705900015', 'KALINKA', 'RUE', 'DE LA REPUBLIQUE', '31000', 'TOULOUSE', false,
       'KALINKA', true, 'FR7613135000800800267924623', 'CEPAFRPP313', 'KALINKA Société d''Œuvres',
       'CE MID PYRENEES TOULOUSE', now()
WHERE NOT EXISTS (SELECT 1 FROM enrolment_request WHERE request_number = 'ENRBENCH' || to_char(:'day'::date, 'YYMMDD'));

INSERT INTO payment_batch (batch_date, status, message_id, created_at, exported_at, exported_by, line_count, control_sum)
VALUES (:'day'::date, 'EXPORTE', 'SEGUR-BENCH-' || to_char(:'day'::date, 'YYYYMMDD'), now(), now(),
        'superviseur@asp-public.fr', :lines, 0);

INSERT INTO funding_request (request_number, call_id, enrolment_request_id, supplier_siret, filed_by, client_kind,
    client_identifier, client_name, client_known, order_signed_on, order_amount_ht, ceiling_ht, granted_ht, avance_ht,
    solde_ht, status, filed_at, version)
SELECT 'DFB' || to_char(:'day'::date, 'YYMMDD') || lpad(g::text, 7, '0'), c.id, e.id, '81120705900015',
       'fournisseur@kalinka.fr', 'FINESS', lpad((g % 1000000000)::text, 9, '0'), 'CENTRE D''IMAGERIE ' || g, true,
       date '2027-01-10', 4500, 4500, 4500, 1350, 3150, 'AVANCE_PAYEE', now(), 1
FROM generate_series(1, :lines) g, funding_call c, enrolment_request e
WHERE c.code = 'AF-RAD-RIS-VA1' AND e.request_number = 'ENRBENCH' || to_char(:'day'::date, 'YYMMDD');

INSERT INTO payment_line (batch_id, funding_request_id, phase, amount, end_to_end_id, creditor_name, creditor_iban,
    creditor_bic, remittance, created_at)
SELECT b.id, f.id, 'AVANCE', f.avance_ht + (f.id % 100) / 100.0, f.request_number || '-A', 'KALINKA Société d''Œuvres',
       'FR7613135000800800267924623', 'CEPAFRPP313',
       'SEGUR NUMERIQUE AVANCE ' || f.request_number || ' AF-RAD-RIS-VA1 FINESS ' || f.client_identifier, now()
FROM funding_request f, payment_batch b
WHERE b.batch_date = :'day'::date AND f.request_number LIKE 'DFB' || to_char(:'day'::date, 'YYMMDD') || '%';

UPDATE payment_batch b SET control_sum = (SELECT sum(amount) FROM payment_line WHERE batch_id = b.id)
WHERE b.batch_date = :'day'::date;
SELECT id, line_count, control_sum FROM payment_batch WHERE batch_date = :'day'::date;
