-- Accounts (issue 7): console users with a role per workspace, and TikTok's webhook events, each stored once.
-- Runs unchanged on MySQL 8.x and MariaDB 10.11/11.4.

-- A person who logs in to the console. Passwords are stored only as DelegatingPasswordEncoder hashes ({bcrypt}...).
CREATE TABLE console_user (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(100)  NOT NULL,
    password_hash  VARCHAR(200)  NOT NULL,
    -- an administrator of every workspace (the admin the default run creates)
    global_admin   BOOLEAN       NOT NULL DEFAULT FALSE,
    -- a one-time password (the generated admin's, or one set by `users add`): every page asks for a new one first
    password_change_required BOOLEAN NOT NULL DEFAULT FALSE,
    enabled        BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    CONSTRAINT uk_console_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a user may do in one workspace: ADMIN, EDITOR or VIEWER. No row: the workspace does not exist for them.
CREATE TABLE console_membership (
    user_id        BIGINT        NOT NULL,
    workspace_id   BIGINT        NOT NULL,
    role           VARCHAR(16)   NOT NULL,
    PRIMARY KEY (user_id, workspace_id),
    CONSTRAINT fk_membership_user FOREIGN KEY (user_id) REFERENCES console_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A verified TikTok webhook delivery. Deliveries repeat (at-least-once): event_key (SHA-256 of event, user,
-- create_time and content) is unique, so a repeated delivery is recognised and applied once.
CREATE TABLE webhook_event (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_key      CHAR(64)      NOT NULL,
    event          VARCHAR(100)  NOT NULL,
    user_open_id   VARCHAR(128)  NULL,
    create_time    BIGINT        NULL,
    content        TEXT          NULL,
    received_at    DATETIME(3)   NOT NULL,
    applied_at     DATETIME(3)   NULL,
    -- what applying it did, e.g. "post 12 PROCESSING -> PUBLISHED" or "no post with publish_id ..."
    outcome        VARCHAR(1000) NULL,
    CONSTRAINT uk_webhook_event_key UNIQUE (event_key),
    KEY ix_webhook_event_received (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
