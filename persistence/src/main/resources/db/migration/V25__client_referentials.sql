-- Referentials of the clients a funding request names (issue 10): FINESS establishments and legal
-- entities, RPPS health professionals. Imported by the finess-sync and rpps-sync jobs, read by
-- ClientReferentials. Portable between PostgreSQL and H2 (LEGACY mode).

-- One row per FINESS number, a site (kind ET) or a legal entity (kind EJ): a funding call may name
-- either. The historical extraction only carries sites; the JSON feed carries both.
CREATE TABLE finess_establishment (
    finess              VARCHAR(9)    PRIMARY KEY,
    kind                VARCHAR(2)    NOT NULL,
    finess_ej           VARCHAR(9),
    siret               VARCHAR(14),
    name                VARCHAR(255)  NOT NULL,
    long_name           VARCHAR(255),
    category_code       VARCHAR(8),
    category            VARCHAR(255),
    postal_code         VARCHAR(8),
    city                VARCHAR(255),
    closed              BOOLEAN       NOT NULL,
    updated_on          DATE,
    last_processed_at   TIMESTAMP
);
CREATE INDEX finess_establishment_ej ON finess_establishment (finess_ej);
CREATE INDEX finess_establishment_siret ON finess_establishment (siret);
CREATE INDEX finess_establishment_category ON finess_establishment (category_code, postal_code);

-- One row per professional: the directory's file has one line per activity, the import keeps the
-- first activity it meets for each RPPS number (see RppsFormat).
CREATE TABLE rpps_professional (
    rpps                VARCHAR(11)   PRIMARY KEY,
    last_name           VARCHAR(255)  NOT NULL,
    first_name          VARCHAR(255),
    profession_code     VARCHAR(8),
    profession          VARCHAR(255),
    specialty           VARCHAR(255),
    postal_code         VARCHAR(8),
    city                VARCHAR(255),
    last_processed_at   TIMESTAMP
);
CREATE INDEX rpps_professional_name ON rpps_professional (last_name, first_name);
CREATE INDEX rpps_professional_profession ON rpps_professional (profession_code, postal_code);
