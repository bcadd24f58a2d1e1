-- The entered values an agent asks the supplier to correct (CorrectableField names, comma-separated),
-- beside the documents to provide again.
ALTER TABLE complement_request ADD COLUMN fields VARCHAR(400) DEFAULT '' NOT NULL;
