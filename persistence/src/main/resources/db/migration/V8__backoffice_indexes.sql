-- Indexes for the agents' list of requests (RequestQueries: count, page, forEach), measured with
-- 1 million requests (docs/PERFORMANCE.md, "Back office with 1 million requests"). Plain
-- two-column B-tree indexes, portable to H2.
--
-- Each sortable column gets an index that ends with the id, the tie-breaker of every page query,
-- so "ORDER BY column, id LIMIT 25" reads 25 index entries instead of sorting the whole table.
-- The same indexes let the pager's COUNT(id) with a filter on that column read the index alone
-- (PostgreSQL index-only scan), not the table.
CREATE INDEX enrolment_request_submitted ON enrolment_request (submitted_at, id);
CREATE INDEX enrolment_request_denomination ON enrolment_request (denomination, id);
CREATE INDEX enrolment_request_status_id ON enrolment_request (status, id);
CREATE INDEX enrolment_request_agent_id ON enrolment_request (assigned_agent, id);
-- The couloir and DSR filters select the requests of a set of referenced solutions.
CREATE INDEX enrolment_request_solution ON enrolment_request (referencing_number, id);
