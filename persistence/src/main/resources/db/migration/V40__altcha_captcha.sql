-- The captcha becomes ALTCHA's proof of work (issue 11): the challenge travels in the page, signed with an
-- HMAC key and carrying its own expiry; the database only records each challenge once it has been checked,
-- so that a solution cannot be replayed on any node. The image code and the question in words go.
DELETE FROM captcha_challenge;
ALTER TABLE captcha_challenge DROP COLUMN code;
ALTER TABLE captcha_challenge DROP COLUMN question;
ALTER TABLE captcha_challenge DROP COLUMN question_answer;

-- Secrets the nodes of a cluster must share and that are generated at first start when the configuration
-- gives none (the captcha's HMAC key: segur.captcha.hmac-key).
CREATE TABLE app_secret (
    name         VARCHAR(64)  PRIMARY KEY,
    secret_value VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP    NOT NULL
);
