-- test only: work items for DueWorkWatcherTest's job, and the runs of that job
CREATE TABLE due_item (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    due_at     DATETIME(3) NOT NULL,
    hold_ms    INT         NOT NULL DEFAULT 0,
    handled_at DATETIME(3) NULL,
    run_id     BIGINT      NULL
);
CREATE TABLE due_item_run (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    fire_time  BIGINT      NOT NULL,
    node       VARCHAR(40) NOT NULL,
    started_at DATETIME(3) NOT NULL,
    ended_at   DATETIME(3) NULL
);
