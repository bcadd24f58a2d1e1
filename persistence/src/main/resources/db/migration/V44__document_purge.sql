-- Documents of rejected and abandoned (classée sans suite) requests lose their bytes after a retention delay
-- (DocumentRetention, nightly). The document row stays, with its name, kind and fingerprint, so the request's
-- history still says what had been sent; purged_at says when the content went.
ALTER TABLE document ADD COLUMN purged_at TIMESTAMP;
