-- The enrolment wizard's work in progress (issue 14). The id is the random key carried in the
-- wizard's URL (enrolement.xhtml?brouillon=<id>) and in the "reprendre plus tard" email; the
-- uploads stay in document, under document_token. state is the form as JSON. A draft nobody
-- saved lives a day after its last change; a saved one until saved_until; a submitted one keeps
-- only its request number (state emptied), so that "back" after the confirmation can say so.
CREATE TABLE enrolment_draft (
    id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    document_token  VARCHAR(64)    NOT NULL,
    state           VARCHAR(20000) NOT NULL,
    created_at      TIMESTAMP      NOT NULL,
    updated_at      TIMESTAMP      NOT NULL,
    saved_until     TIMESTAMP,
    request_number  VARCHAR(16)
);
CREATE INDEX enrolment_draft_updated ON enrolment_draft (updated_at);
CREATE INDEX enrolment_draft_saved ON enrolment_draft (saved_until);
