-- 0001 initial schema: articles with their events, event places, near-duplicate
-- keys and signatures, runs and rejections.
--
-- Kept to a portable subset so the PostgreSQL migrations can mirror it column for
-- column: TEXT / INTEGER / REAL / BLOB, dates as ISO-8601 text (they sort as text),
-- JSON as text, no SQLite-only functions.

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    command     TEXT NOT NULL,
    args        TEXT NOT NULL DEFAULT '{}',   -- JSON object
    started_at  TEXT NOT NULL,                -- ISO-8601, UTC
    finished_at TEXT,                         -- NULL while running, or after a crash
    summary     TEXT                          -- JSON object
);

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id            TEXT NOT NULL,
    content_hash      TEXT NOT NULL UNIQUE,   -- the duplicate key (records.content_hash)
    title             TEXT,
    published         TEXT,                   -- ISO date or datetime as given
    url               TEXT,
    source            TEXT,
    language          TEXT,
    origin            TEXT,
    raw_text          TEXT NOT NULL,
    text              TEXT NOT NULL,          -- raw_text with boilerplate blanked, same offsets
    boilerplate       TEXT NOT NULL DEFAULT '[]',  -- JSON [[start, end, why], ...]
    extractor_version TEXT NOT NULL,
    ingested_at       TEXT NOT NULL,          -- ISO-8601, UTC
    run_id            INTEGER REFERENCES runs (id),
    near_duplicate_of INTEGER REFERENCES articles (id),
    similarity        REAL                    -- estimated Jaccard with near_duplicate_of
);
CREATE INDEX articles_doc_id ON articles (doc_id);
CREATE INDEX articles_run_id ON articles (run_id);
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of);

-- MinHash signature (little-endian uint64 values) of an article, for near-duplicate scoring.
CREATE TABLE article_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature  BLOB NOT NULL
);

-- LSH band keys: articles sharing a key are near-duplicate candidates.
CREATE TABLE article_lsh_keys (
    key        TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
);
CREATE INDEX article_lsh_keys_article_id ON article_lsh_keys (article_id);

-- One row per extracted event; the full record is in `data` (Event.to_dict) and the
-- public contract shape in `contract` (Event.to_contract). The other columns are
-- copies for filtering and sorting.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,          -- index of the event in its article
    kind           TEXT NOT NULL,
    date_start     TEXT,                      -- YYYY-MM-DD
    date_end       TEXT,
    date_precision TEXT NOT NULL DEFAULT 'unknown',
    actor          TEXT,
    killed         INTEGER,                   -- Count.best
    injured        INTEGER,
    confidence     REAL NOT NULL,
    data           TEXT NOT NULL,
    contract       TEXT NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX events_date ON events (date_start, date_end);
CREATE INDEX events_kind_date ON events (kind, date_start);

-- Places of an event, for filtering: role 'place' for the places of an attack,
-- 'venue' for the venue of talks. *_fold are casefolded copies so that
-- case-insensitive matching is the same plain LIKE on every backend.
CREATE TABLE event_places (
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    role        TEXT NOT NULL DEFAULT 'place',
    name        TEXT NOT NULL,
    admin1      TEXT,
    country     TEXT,
    lat         REAL,
    lon         REAL,
    precision   TEXT,
    name_fold   TEXT NOT NULL,
    admin1_fold TEXT,
    PRIMARY KEY (event_id, seq)
);
CREATE INDEX event_places_country ON event_places (country);

CREATE TABLE rejections (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id     INTEGER REFERENCES runs (id),
    stage      TEXT NOT NULL,
    reason     TEXT NOT NULL,
    source     TEXT NOT NULL,
    code       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX rejections_run_id ON rejections (run_id);
