-- +goose Up
CREATE TABLE reports (
    id           TEXT PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    origin       TEXT NOT NULL,
    source       TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    byline       TEXT NOT NULL DEFAULT '',
    published    TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    hash         TEXT NOT NULL,
    duplicate_of TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reports_hash ON reports (hash);
CREATE INDEX reports_order ON reports (origin, key);

-- One row per mention, quote, timex or position of a report; the record
-- itself as JSON, its span in columns for lookups.
CREATE TABLE annotations (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    type      TEXT NOT NULL,
    n         INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    data      TEXT NOT NULL,
    PRIMARY KEY (report_id, type, n)
);

-- +goose Down
DROP TABLE annotations;
DROP TABLE reports;
