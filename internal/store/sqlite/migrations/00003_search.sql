-- +goose Up
-- Full-text search over reports (title, text) and quotes (quoted words,
-- speaker), on SQLite FTS5, and the indexes the reading API needs.
--
-- Both FTS tables are external-content tables: the words live once, in
-- reports and annotations; the FTS tables hold only the index and are kept
-- in step by triggers. Reports are replaced by DELETE + INSERT and quotes
-- are rewritten by UPDATE when the cross-report stage fills in speakers,
-- so every one of those paths has its trigger. Should an index ever drift
-- (a VACUUM renumbers the implicit rowids they key on), Store.RebuildSearch
-- rebuilds both from their content.
CREATE VIRTUAL TABLE reports_fts USING fts5 (
    title, text,
    content = 'reports', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The quotes as a table FTS5 can read its content from.
CREATE VIEW quotes_content AS
    SELECT rowid AS rid,
           json_extract(data, '$.text') AS text,
           coalesce(json_extract(data, '$.speaker'), json_extract(data, '$.speaker_text'), '') AS speaker
    FROM annotations WHERE type = 'quote';

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, speaker,
    content = 'quotes_content', content_rowid = 'rid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- +goose StatementBegin
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, text ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON annotations WHEN new.type = 'quote' BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.rowid,
        json_extract(new.data, '$.text'),
        coalesce(json_extract(new.data, '$.speaker'), json_extract(new.data, '$.speaker_text'), ''));
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON annotations WHEN old.type = 'quote' BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid,
        json_extract(old.data, '$.text'),
        coalesce(json_extract(old.data, '$.speaker'), json_extract(old.data, '$.speaker_text'), ''));
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF data ON annotations WHEN old.type = 'quote' BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid,
        json_extract(old.data, '$.text'),
        coalesce(json_extract(old.data, '$.speaker'), json_extract(old.data, '$.speaker_text'), ''));
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.rowid,
        json_extract(new.data, '$.text'),
        coalesce(json_extract(new.data, '$.speaker'), json_extract(new.data, '$.speaker_text'), ''));
END;
-- +goose StatementEnd

INSERT INTO reports_fts (reports_fts) VALUES ('rebuild');
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');

-- Reports newest first; reports and quotes of an actor; quotes of a group.
CREATE INDEX reports_published ON reports (published, id);
CREATE INDEX reports_source ON reports (source, published, id);
CREATE INDEX annotations_actor ON annotations (json_extract(data, '$.actor_id'), report_id) WHERE type = 'mention';
-- Covers counting a set of reports' mentions by actor without parsing JSON.
CREATE INDEX annotations_report_actor ON annotations (report_id, json_extract(data, '$.actor_id')) WHERE type = 'mention';
CREATE INDEX annotations_speaker ON annotations (json_extract(data, '$.speaker_id'), report_id) WHERE type = 'quote';
CREATE INDEX annotations_group ON annotations (json_extract(data, '$.group')) WHERE type = 'quote';
-- Stories most recent first, actors most mentioned first.
CREATE INDEX cross_story_last ON cross_records (json_extract(data, '$.last_seen'), n) WHERE type = 'story';
CREATE INDEX cross_actor_mentions ON cross_records (json_extract(data, '$.mentions'), n) WHERE type = 'actor';

-- +goose Down
DROP INDEX cross_actor_mentions;
DROP INDEX cross_story_last;
DROP INDEX annotations_group;
DROP INDEX annotations_speaker;
DROP INDEX annotations_report_actor;
DROP INDEX annotations_actor;
DROP INDEX reports_source;
DROP INDEX reports_published;
DROP TRIGGER quotes_fts_update;
DROP TRIGGER quotes_fts_delete;
DROP TRIGGER quotes_fts_insert;
DROP TRIGGER reports_fts_update;
DROP TRIGGER reports_fts_delete;
DROP TRIGGER reports_fts_insert;
DROP TABLE quotes_fts;
DROP VIEW quotes_content;
DROP TABLE reports_fts;
