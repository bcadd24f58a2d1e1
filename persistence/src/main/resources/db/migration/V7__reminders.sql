-- Reminders of requests awaiting complements (how many were sent, the last one when).
ALTER TABLE complement_request ADD COLUMN reminders_sent INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE complement_request ADD COLUMN last_reminder_at TIMESTAMP;

-- One digest per agent and day: a restarted reminders job never sends the same digest twice.
CREATE TABLE agent_digest (
    agent           VARCHAR(254) NOT NULL,
    digest_date     DATE         NOT NULL,
    sent_at         TIMESTAMP    NOT NULL,
    PRIMARY KEY (agent, digest_date)
);
