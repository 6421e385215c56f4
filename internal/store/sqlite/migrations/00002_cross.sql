-- +goose Up
-- Records of the cross-report stages (actors, events, stories), each as
-- JSON, in the order the stages produced them.
CREATE TABLE cross_records (
    type TEXT NOT NULL,
    n    INTEGER NOT NULL,
    id   TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (type, n)
);
CREATE INDEX cross_records_id ON cross_records (type, id);

-- +goose Down
DROP TABLE cross_records;
