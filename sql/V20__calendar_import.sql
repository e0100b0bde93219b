-- Calendar import (issue 6): the summary counts the CSV import reports, warnings beside errors, the original
-- row of every refused line (for the spreadsheet-safe error report), and a fingerprint of what an import
-- wrote into a post, so re-importing the same row is recognised as "unchanged" without comparing columns.
-- Runs unchanged on MySQL 8.x and MariaDB 10.11/11.4.

ALTER TABLE import_run
    ADD COLUMN rows_unchanged  INT           NOT NULL DEFAULT 0,
    ADD COLUMN rows_ignored    INT           NOT NULL DEFAULT 0,
    ADD COLUMN rows_warned     INT           NOT NULL DEFAULT 0,
    -- the header row of the file as one CSV line, to lay out the error report like the original
    ADD COLUMN header_row      TEXT          NULL,
    -- set when the whole file was refused (encoding, not a CSV, missing column): nothing was imported
    ADD COLUMN file_error      VARCHAR(1000) NULL;

ALTER TABLE import_row_error
    -- ERROR refuses the row; WARNING keeps it (DST shift, daily cap, formula-looking text)
    ADD COLUMN severity        VARCHAR(8)    NOT NULL DEFAULT 'ERROR',
    -- the original cells of the row as one CSV line
    ADD COLUMN raw_row         TEXT          NULL;

ALTER TABLE post
    -- SHA-256 of the imported content; an import that brings the same fingerprint leaves the post alone
    ADD COLUMN import_fingerprint CHAR(64)   NULL;
