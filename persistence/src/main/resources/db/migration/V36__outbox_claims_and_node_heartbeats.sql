-- Cluster-wide once-only work (issue 13).

-- The outbox: a node claims due messages (lease) before it calls the SMTP server, so two nodes never
-- send the same email; a crashed node's lease expires and another node takes the message over.
ALTER TABLE mail_message ADD COLUMN claimed_by VARCHAR(128);
ALTER TABLE mail_message ADD COLUMN claimed_until TIMESTAMP;

-- One row per server node (jboss.node.name), refreshed every few seconds while the node lives.
-- Times are epoch milliseconds of the node's clock (nodes are NTP-synchronised).
CREATE TABLE node_heartbeat (
    node_id       VARCHAR(128) PRIMARY KEY,
    started_at_ms BIGINT       NOT NULL,
    beat_at_ms    BIGINT       NOT NULL
);

-- Which node runs which batch execution: an execution left STARTED whose node's heartbeat is stale,
-- or whose node restarted since, is an orphan.
CREATE TABLE batch_execution_node (
    job_execution_id BIGINT       PRIMARY KEY,
    node_id          VARCHAR(128) NOT NULL,
    created_at_ms    BIGINT       NOT NULL
);
