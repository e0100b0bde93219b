-- TikTok's per-account rate limits, shared by every node (architecture §6): a sliding-window log of one row per
-- allowed call. A call reserves the least recently used slot whose last use is at least one window old, with one
-- atomic UPDATE ... ORDER BY used_at_ms LIMIT 1; no free slot means "not before the oldest use + window".
-- account_id is tiktok_account.id, deliberately without a foreign key (benchmarks and app-wide keys use ids of
-- their own). Times are epoch milliseconds (UTC by definition) from the client's injected clock: Connector/J 9.x
-- drops the fractional seconds of a bound LocalDateTime on MariaDB (it reads the server as 5.5.5), measured.
CREATE TABLE tiktok_rate_limit_slot (
    account_id  BIGINT       NOT NULL,
    -- INIT, STATUS, CREATOR_INFO, DISPLAY
    bucket      VARCHAR(16)  NOT NULL,
    slot        SMALLINT     NOT NULL,
    used_at_ms  BIGINT       NOT NULL,
    PRIMARY KEY (account_id, bucket, slot),
    KEY ix_rate_limit_slot_oldest (account_id, bucket, used_at_ms)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
