-- 0002 the official Air Force series of launched/destroyed missiles and drones,
-- versioned: the maintainer edits past rows in place, so every import is kept and a
-- row that changes gets a new version; the old version is marked superseded, never
-- deleted. Same portable subset as 0001 (the partial index exists in PostgreSQL too).

CREATE TABLE official_imports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    imported_at TEXT NOT NULL,               -- ISO-8601, UTC
    file_name   TEXT NOT NULL,               -- the file's name, without its folder
    sha256      TEXT NOT NULL,               -- of the file's bytes
    row_count   INTEGER NOT NULL,            -- rows read (problems not included)
    problems    INTEGER NOT NULL DEFAULT 0,  -- rows rejected by the reader
    full        INTEGER NOT NULL DEFAULT 1,  -- 1: the whole series, absent rows are removed
    new         INTEGER NOT NULL DEFAULT 0,
    changed     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    removed     INTEGER NOT NULL DEFAULT 0
);

-- One row per version of a row of the series. row_key is the row's identity across
-- imports (see peacewatch.analyse.official); version counts 1, 2, … per key;
-- superseded_by is the import that replaced or removed it (NULL: current).
CREATE TABLE official_rows (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    row_key       TEXT NOT NULL,
    version       INTEGER NOT NULL,
    import_id     INTEGER NOT NULL REFERENCES official_imports (id),
    superseded_by INTEGER REFERENCES official_imports (id),
    line          INTEGER NOT NULL,          -- line of the row in the imported file
    time_start    TEXT NOT NULL,             -- "YYYY-MM-DD HH:MM" or "YYYY-MM-DD" as given
    time_end      TEXT NOT NULL,
    night         TEXT NOT NULL,             -- YYYY-MM-DD, the morning the attack ended
    model         TEXT NOT NULL,             -- as written
    kind          TEXT NOT NULL,             -- missile | drone | glide_bomb | other
    scope         TEXT NOT NULL,             -- national (the Air Force) | regional (an air command)
    launched      INTEGER,
    destroyed     INTEGER,
    launch_place  TEXT NOT NULL DEFAULT '',
    target        TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT '',
    raw           TEXT NOT NULL,             -- JSON object: the original columns
    content_hash  TEXT NOT NULL,             -- store.base.official_content_hash(raw)
    UNIQUE (row_key, version)
);
CREATE UNIQUE INDEX official_rows_one_current ON official_rows (row_key) WHERE superseded_by IS NULL;
CREATE INDEX official_rows_night ON official_rows (night);
CREATE INDEX official_rows_import ON official_rows (import_id);
