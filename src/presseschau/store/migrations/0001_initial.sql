-- 0001 initial schema (SQLite): articles keyed by content hash, their fast-path features, stories and their
-- members, copy links between articles, and a key/value meta table. The runner records the version in
-- schema_version and applies this file inside one transaction. The full-text index (FTS5) is not part of a
-- migration: it is created next to the schema when the SQLite build has FTS5 (see store/sqlite_schema.py).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    -- Ingest order and the stable rowid the full-text index points at (VACUUM may renumber implicit rowids).
    seq            INTEGER PRIMARY KEY,
    -- The content hash cleaning gives Article.id ("a" + 11 hex digits of SHA-256 over title and text).
    id             TEXT NOT NULL UNIQUE,
    source         TEXT NOT NULL,
    outlet         TEXT NOT NULL,
    outlet_from    TEXT NOT NULL,
    title          TEXT NOT NULL,
    text           TEXT NOT NULL,
    published      TEXT,
    published_from TEXT,
    url            TEXT,
    language       TEXT,
    format         TEXT NOT NULL,
    encoding       TEXT NOT NULL,
    extra          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
    removed        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(removed)),
    ingested_at    TEXT NOT NULL,
    -- When the article was seen: its publication date, else when it was ingested. Date filters use it.
    seen           TEXT GENERATED ALWAYS AS (COALESCE(published, ingested_at)) VIRTUAL
);
CREATE INDEX articles_seen ON articles (seen);
CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE, seen);

-- Kept apart from the text so a scan over many articles' features reads few pages.
CREATE TABLE article_features (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature  BLOB NOT NULL,
    lemmas     TEXT NOT NULL CHECK (json_valid(lemmas)),
    names      TEXT NOT NULL CHECK (json_valid(names))
);

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The article is the key: an article belongs to exactly one story.
CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    added_at   TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id);

-- One origin per copy; added and cut hold JSON lists of [article_id, sentence index].
CREATE TABLE copies (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    origin_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    added      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(added)),
    cut        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(cut)),
    CHECK (article_id <> origin_id)
);
CREATE INDEX copies_origin ON copies (origin_id);
