-- Rate limits (issue 11): fixed-window counters shared by every node of a cluster. A bucket names the action
-- and who is counted (a client address or an account, hashed: no address or email is stored here); a row
-- holds one window's hits, incremented by an atomic UPDATE.
CREATE TABLE rate_counter (
    bucket       VARCHAR(120) NOT NULL,
    window_start TIMESTAMP    NOT NULL,
    hits         INTEGER      NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_counter_window ON rate_counter (window_start);
