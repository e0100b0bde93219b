-- The content calendar. Instants are UTC DATETIME(3); the zone an editor meant is kept beside them.
-- Runs unchanged on MySQL 8.x and MariaDB 10.11/11.4: no MySQL-only collations, no row aliases in upserts.

-- An agency's client: the unit that owns accounts, posts and reports.
CREATE TABLE workspace (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug          VARCHAR(64)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    default_zone  VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uk_workspace_slug UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A connected TikTok account. Tokens are stored only as AES-GCM ciphertext with the id of the key that made it.
CREATE TABLE tiktok_account (
    id                           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id                 BIGINT        NOT NULL,
    open_id                      VARCHAR(128)  NOT NULL,
    username                     VARCHAR(64)   NULL,
    display_name                 VARCHAR(200)  NULL,
    avatar_url                   VARCHAR(1024) NULL,
    zone_id                      VARCHAR(64)   NOT NULL DEFAULT 'UTC',
    -- ACTIVE, NEEDS_REAUTH, CANNOT_POST, DISCONNECTED
    status                       VARCHAR(24)   NOT NULL DEFAULT 'ACTIVE',
    status_reason                VARCHAR(1000) NULL,
    status_changed_at            DATETIME(3)   NULL,
    granted_scopes               VARCHAR(500)  NULL,
    token_key_id                 VARCHAR(32)   NULL,
    access_token_ciphertext      VARBINARY(4096) NULL,
    access_token_expires_at      DATETIME(3)   NULL,
    refresh_token_ciphertext     VARBINARY(4096) NULL,
    refresh_token_expires_at     DATETIME(3)   NULL,
    -- bumped on every token write: a refresh commits only if nobody rotated the tokens meanwhile
    token_version                BIGINT        NOT NULL DEFAULT 0,
    refresh_lease_owner          VARCHAR(100)  NULL,
    refresh_lease_until          DATETIME(3)   NULL,
    privacy_level_options        VARCHAR(200)  NULL,
    comment_disabled             BOOLEAN       NULL,
    duet_disabled                BOOLEAN       NULL,
    stitch_disabled              BOOLEAN       NULL,
    max_video_post_duration_sec  INT           NULL,
    creator_info_fetched_at      DATETIME(3)   NULL,
    created_at                   DATETIME(3)   NOT NULL,
    updated_at                   DATETIME(3)   NOT NULL,
    CONSTRAINT uk_account_open_id UNIQUE (open_id),
    CONSTRAINT fk_account_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id),
    KEY ix_account_workspace (workspace_id, username),
    KEY ix_account_token_expiry (status, access_token_expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One CSV (or preset) import: what was read, what was kept, what was refused.
CREATE TABLE import_run (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id      BIGINT        NULL,
    file_name         VARCHAR(500)  NOT NULL,
    file_sha256       CHAR(64)      NULL,
    format            VARCHAR(16)   NOT NULL DEFAULT 'native',
    dry_run           BOOLEAN       NOT NULL DEFAULT FALSE,
    -- RUNNING, COMPLETED, FAILED
    status            VARCHAR(16)   NOT NULL,
    rows_read         INT           NOT NULL DEFAULT 0,
    rows_created      INT           NOT NULL DEFAULT 0,
    rows_updated      INT           NOT NULL DEFAULT 0,
    rows_rejected     INT           NOT NULL DEFAULT 0,
    job_execution_id  BIGINT        NULL,
    started_at        DATETIME(3)   NOT NULL,
    finished_at       DATETIME(3)   NULL,
    CONSTRAINT fk_import_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id),
    KEY ix_import_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every refused row (or field) of an import, located by line and column.
CREATE TABLE import_row_error (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    import_run_id  BIGINT        NOT NULL,
    line_number    BIGINT        NOT NULL,
    field          VARCHAR(64)   NULL,
    error_code     VARCHAR(64)   NOT NULL,
    message        VARCHAR(1000) NOT NULL,
    raw_value      VARCHAR(500)  NULL,
    CONSTRAINT fk_import_error_run FOREIGN KEY (import_run_id) REFERENCES import_run (id) ON DELETE CASCADE,
    KEY ix_import_error_line (import_run_id, line_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A scheduled post and its publishing state machine. Every state change is a committed update of this row
-- plus a post_event row; next_attempt_at is when the pipeline should look at the post again.
CREATE TABLE post (
    id                    BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id          BIGINT         NOT NULL,
    account_id            BIGINT         NOT NULL,
    -- the editor's external_id, or a key derived from account, publish time and media
    external_key          VARCHAR(191)   NOT NULL,
    -- VIDEO, PHOTO
    post_type             VARCHAR(8)     NOT NULL,
    -- DIRECT, INBOX
    post_mode             VARCHAR(8)     NOT NULL DEFAULT 'DIRECT',
    -- SCHEDULED, CLAIMED, INIT_IN_FLIGHT, UPLOADING, PROCESSING, PUBLISHED, PUBLISHED_NO_PUBLIC_ID,
    -- IN_INBOX, DEFERRED, HELD, UNKNOWN, FAILED, CANCELLED
    state                 VARCHAR(32)    NOT NULL,
    state_reason          VARCHAR(1000)  NULL,
    state_changed_at      DATETIME(3)    NOT NULL,
    publish_at            DATETIME(3)    NOT NULL,
    publish_zone          VARCHAR(64)    NOT NULL,
    next_attempt_at       DATETIME(3)    NOT NULL,
    caption               TEXT           NULL,
    title                 VARCHAR(400)   NULL,
    privacy_level         VARCHAR(32)    NULL,
    allow_comment         BOOLEAN        NOT NULL DEFAULT FALSE,
    allow_duet            BOOLEAN        NOT NULL DEFAULT FALSE,
    allow_stitch          BOOLEAN        NOT NULL DEFAULT FALSE,
    video_cover_ms        INT            NULL,
    photo_cover_index     INT            NULL,
    auto_add_music        BOOLEAN        NULL,
    brand_content_toggle  BOOLEAN        NOT NULL DEFAULT FALSE,
    brand_organic_toggle  BOOLEAN        NOT NULL DEFAULT FALSE,
    is_aigc               BOOLEAN        NOT NULL DEFAULT FALSE,
    attempt               INT            NOT NULL DEFAULT 0,
    claim_owner           VARCHAR(100)   NULL,
    claim_expires_at      DATETIME(3)    NULL,
    publish_id            VARCHAR(64)    NULL,
    tiktok_post_id        VARCHAR(32)    NULL,
    tiktok_url            VARCHAR(300)   NULL,
    fail_code             VARCHAR(64)    NULL,
    fail_message          VARCHAR(1000)  NULL,
    fail_log_id           VARCHAR(64)    NULL,
    user_action           VARCHAR(500)   NULL,
    init_sent_at          DATETIME(3)    NULL,
    completed_at          DATETIME(3)    NULL,
    status_checks         INT            NOT NULL DEFAULT 0,
    import_run_id         BIGINT         NULL,
    version               BIGINT         NOT NULL DEFAULT 0,
    created_at            DATETIME(3)    NOT NULL,
    updated_at            DATETIME(3)    NOT NULL,
    CONSTRAINT uk_post_external_key UNIQUE (workspace_id, external_key),
    CONSTRAINT fk_post_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id),
    CONSTRAINT fk_post_account FOREIGN KEY (account_id) REFERENCES tiktok_account (id),
    CONSTRAINT fk_post_import FOREIGN KEY (import_run_id) REFERENCES import_run (id),
    -- the due probe and the claim query: WHERE state IN (...) AND next_attempt_at <= ?
    KEY ix_post_due (state, next_attempt_at),
    KEY ix_post_account_publish (account_id, publish_at),
    KEY ix_post_publish_day (publish_at),
    KEY ix_post_publish_id (publish_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The media of a post: one video, or 1-35 photos in order. source is a path under the media root or an https URL.
CREATE TABLE post_media (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id         BIGINT         NOT NULL,
    position        SMALLINT       NOT NULL,
    source          VARCHAR(2048)  NOT NULL,
    content_type    VARCHAR(64)    NULL,
    size_bytes      BIGINT         NULL,
    container       VARCHAR(32)    NULL,
    codec           VARCHAR(32)    NULL,
    duration_ms     BIGINT         NULL,
    width           INT            NULL,
    height          INT            NULL,
    frame_rate      DECIMAL(7,3)   NULL,
    sha256          CHAR(64)       NULL,
    probed_at       DATETIME(3)    NULL,
    CONSTRAINT uk_post_media_position UNIQUE (post_id, position),
    CONSTRAINT fk_post_media_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One init attempt of a post: a retry that needs a fresh init is a new, counted row.
CREATE TABLE post_attempt (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id         BIGINT         NOT NULL,
    attempt_no      INT            NOT NULL,
    -- the intent is committed before the HTTP call; publish_id right after it
    init_intent_at  DATETIME(3)    NOT NULL,
    init_sent_at    DATETIME(3)    NULL,
    publish_id      VARCHAR(64)    NULL,
    -- IN_FLIGHT, ACCEPTED, REJECTED, UNKNOWN, PUBLISHED, FAILED, SUPERSEDED
    outcome         VARCHAR(24)    NOT NULL,
    fail_code       VARCHAR(64)    NULL,
    finished_at     DATETIME(3)    NULL,
    CONSTRAINT uk_post_attempt_no UNIQUE (post_id, attempt_no),
    CONSTRAINT fk_post_attempt_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    KEY ix_post_attempt_publish_id (publish_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A post's history: each state transition (kind TRANSITION) and each API call made for it (kind API_CALL).
CREATE TABLE post_event (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id         BIGINT         NULL,
    account_id      BIGINT         NULL,
    attempt_no      INT            NULL,
    kind            VARCHAR(16)    NOT NULL,
    occurred_at     DATETIME(3)    NOT NULL,
    from_state      VARCHAR(32)    NULL,
    to_state        VARCHAR(32)    NULL,
    reason          VARCHAR(1000)  NULL,
    endpoint        VARCHAR(64)    NULL,
    http_status     SMALLINT       NULL,
    tiktok_code     VARCHAR(64)    NULL,
    log_id          VARCHAR(64)    NULL,
    duration_ms     INT            NULL,
    node            VARCHAR(100)   NULL,
    CONSTRAINT fk_post_event_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    KEY ix_post_event_post (post_id, id),
    KEY ix_post_event_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
