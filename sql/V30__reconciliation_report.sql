-- The nightly reconciliation reports (reconciliationReportJob): one row per reported day and workspace,
-- replaced when the day is reported again. The HTML and CSV are kept gzip-compressed (a large day stays well
-- under max_allowed_packet); the JSON summary is kept as text. Runs unchanged on MySQL 8.x and MariaDB 10.11/11.4.
CREATE TABLE reconciliation_report (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_date       DATE          NOT NULL,
    workspace_id      BIGINT        NOT NULL,
    workspace_slug    VARCHAR(64)   NOT NULL,
    zone              VARCHAR(64)   NOT NULL,
    posts             INT           NOT NULL,
    published         INT           NOT NULL,
    problems          INT           NOT NULL,
    findings          INT           NOT NULL,
    summary_json      LONGTEXT      NOT NULL,
    html_gz           LONGBLOB      NOT NULL,
    csv_gz            LONGBLOB      NOT NULL,
    job_execution_id  BIGINT        NULL,
    generated_at      DATETIME(3)   NOT NULL,
    CONSTRAINT uk_report_day_workspace UNIQUE (report_date, workspace_id),
    CONSTRAINT fk_report_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id),
    KEY ix_report_workspace (workspace_slug, report_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
