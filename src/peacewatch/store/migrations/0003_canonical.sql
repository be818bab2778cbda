-- 0003 reconciled (canonical) events, which stored events they were built from, the
-- append-only history of their figures, and commitments declared by users.
--
-- canonical_events is derived data: reconcile rewrites a row when its cluster
-- changes. figure_history is never updated or deleted: each time a canonical
-- figure changes a row is appended, so "20 killed, then 26" stays on record.

CREATE TABLE canonical_events (
    id             TEXT PRIMARY KEY,            -- "<kind>-<10 hex>", from the cluster's first report
    kind           TEXT NOT NULL,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT NOT NULL DEFAULT 'unknown',
    day            TEXT,                        -- the day it is counted on (end of the span)
    actor          TEXT,
    killed         INTEGER,                     -- canonical best figures, for sorting and filters
    injured        INTEGER,
    missiles       INTEGER,
    drones         INTEGER,
    n_sources      INTEGER NOT NULL,
    n_mentions     INTEGER NOT NULL,
    disputed       TEXT NOT NULL DEFAULT '[]',  -- JSON list of disputed figure names
    data           TEXT NOT NULL,               -- JSON: CanonicalEvent.to_dict()
    content_hash   TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX canonical_events_kind_day ON canonical_events (kind, day);

-- Each stored event belongs to exactly one canonical event.
CREATE TABLE canonical_mentions (
    event_id     INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    canonical_id TEXT NOT NULL REFERENCES canonical_events (id) ON DELETE CASCADE,
    mention_key  TEXT NOT NULL                  -- article hash prefix + '#' + seq
);
CREATE INDEX canonical_mentions_canonical ON canonical_mentions (canonical_id);

-- Places of a canonical event, for the same filters as event_places.
CREATE TABLE canonical_places (
    canonical_id TEXT NOT NULL REFERENCES canonical_events (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    name         TEXT NOT NULL,
    admin1       TEXT,
    country      TEXT,
    lat          REAL,
    lon          REAL,
    precision    TEXT,
    name_fold    TEXT NOT NULL,
    admin1_fold  TEXT,
    PRIMARY KEY (canonical_id, seq)
);
CREATE INDEX canonical_places_country ON canonical_places (country);

-- Append-only: one row each time a canonical figure takes a new value.
CREATE TABLE figure_history (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    canonical_id TEXT NOT NULL,                 -- no foreign key: history outlives a re-clustering
    field        TEXT NOT NULL,                 -- killed, injured, missile.launched, ...
    low          INTEGER,
    best         INTEGER,
    high         INTEGER,
    conservative INTEGER,
    sources      INTEGER NOT NULL,
    disputed     INTEGER NOT NULL,
    reports      TEXT NOT NULL,                 -- JSON: the current reports behind it
    run_id       INTEGER REFERENCES runs (id),
    recorded_at  TEXT NOT NULL
);
CREATE INDEX figure_history_canonical ON figure_history (canonical_id, field, id);

-- Commitments a user declares (peacewatch commitments add), beside the extracted ones.
CREATE TABLE declared_commitments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    scope      TEXT NOT NULL,                   -- "energy infrastructure", "all strikes", ...
    bound      TEXT,                            -- ISO2 of the party bound (RU, UA); NULL: both
    start_day  TEXT NOT NULL,                   -- YYYY-MM-DD
    end_day    TEXT,                            -- YYYY-MM-DD, inclusive; NULL: open-ended
    note       TEXT,
    created_at TEXT NOT NULL
);
