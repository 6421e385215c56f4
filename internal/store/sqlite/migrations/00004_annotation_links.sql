-- +goose Up
-- The actor a mention resolves to (or a quote's speaker) and a quote's
-- group, as plain columns written by the store, in place of indexes on
-- expressions over the JSON: those parsed every row's JSON on every insert
-- and update and made storing a report several times dearer.
ALTER TABLE annotations ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE annotations ADD COLUMN grp TEXT NOT NULL DEFAULT '';
UPDATE annotations SET actor = coalesce(json_extract(data, '$.actor_id'), '') WHERE type = 'mention';
UPDATE annotations SET actor = coalesce(json_extract(data, '$.speaker_id'), ''),
                       grp = coalesce(json_extract(data, '$.group'), '') WHERE type = 'quote';
DROP INDEX annotations_actor;
DROP INDEX annotations_report_actor;
DROP INDEX annotations_speaker;
DROP INDEX annotations_group;
CREATE INDEX annotations_actor ON annotations (actor, report_id) WHERE type = 'mention';
CREATE INDEX annotations_report_actor ON annotations (report_id, actor) WHERE type = 'mention';
CREATE INDEX annotations_speaker ON annotations (actor, report_id) WHERE type = 'quote';
CREATE INDEX annotations_group ON annotations (grp) WHERE type = 'quote';

-- The store indexes each batch of new reports and quotes in one
-- statement: a trigger per row made FTS5 flush a tiny segment at every
-- later statement of the transaction, and merge them all again.
DROP TRIGGER reports_fts_insert;
DROP TRIGGER quotes_fts_insert;

-- The cross-report stage rewrites quotes to fill in speaker actors and
-- groups; the search index needs redoing only when the words change.
DROP TRIGGER quotes_fts_update;
-- +goose StatementBegin
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF data ON annotations
WHEN old.type = 'quote' AND (
    json_extract(old.data, '$.text') IS NOT json_extract(new.data, '$.text') OR
    coalesce(json_extract(old.data, '$.speaker'), json_extract(old.data, '$.speaker_text'), '') IS NOT
    coalesce(json_extract(new.data, '$.speaker'), json_extract(new.data, '$.speaker_text'), ''))
BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid,
        json_extract(old.data, '$.text'),
        coalesce(json_extract(old.data, '$.speaker'), json_extract(old.data, '$.speaker_text'), ''));
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.rowid,
        json_extract(new.data, '$.text'),
        coalesce(json_extract(new.data, '$.speaker'), json_extract(new.data, '$.speaker_text'), ''));
END;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
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
DROP TRIGGER quotes_fts_update;
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
DROP INDEX annotations_group;
DROP INDEX annotations_speaker;
DROP INDEX annotations_report_actor;
DROP INDEX annotations_actor;
CREATE INDEX annotations_actor ON annotations (json_extract(data, '$.actor_id'), report_id) WHERE type = 'mention';
CREATE INDEX annotations_report_actor ON annotations (report_id, json_extract(data, '$.actor_id')) WHERE type = 'mention';
CREATE INDEX annotations_speaker ON annotations (json_extract(data, '$.speaker_id'), report_id) WHERE type = 'quote';
CREATE INDEX annotations_group ON annotations (json_extract(data, '$.group')) WHERE type = 'quote';
ALTER TABLE annotations DROP COLUMN grp;
ALTER TABLE annotations DROP COLUMN actor;
