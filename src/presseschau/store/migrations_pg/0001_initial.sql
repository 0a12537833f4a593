-- 0001 initial schema (PostgreSQL): the same tables as the SQLite store's 0001, in the connection's current schema
-- (the first of its search_path). The runner applies this file in one transaction, records the version in
-- schema_version and marks that table as Presseschau's with a comment.
-- Text that is compared or sorted uses the "C" collation: byte order, as SQLite compares, whatever the database's
-- locale; lower() on a "C" column folds ASCII letters only, like SQLite's NOCASE.
-- JSON columns are `json`, not `jsonb`: json keeps the text as written (key order, number spelling), so an article
-- and the export read back exactly as stored.

CREATE TABLE meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    -- Ingest order: export and keyset paging follow it.
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The content hash cleaning gives Article.id ("a" + 11 hex digits of SHA-256 over title and text).
    id             TEXT COLLATE "C" NOT NULL UNIQUE,
    source         TEXT NOT NULL,
    outlet         TEXT COLLATE "C" NOT NULL,
    outlet_from    TEXT NOT NULL,
    title          TEXT NOT NULL,
    text           TEXT NOT NULL,
    published      TEXT COLLATE "C",
    published_from TEXT,
    url            TEXT,
    language       TEXT,
    format         TEXT NOT NULL,
    encoding       TEXT NOT NULL,
    extra          JSON NOT NULL DEFAULT '{}',
    removed        JSON NOT NULL DEFAULT '[]',
    ingested_at    TEXT COLLATE "C" NOT NULL,
    -- When the article was seen: its publication date, else when it was ingested. Date filters use it.
    seen           TEXT COLLATE "C" GENERATED ALWAYS AS (COALESCE(published, ingested_at)) STORED,
    -- The distinct words of title and text for the story text filter (store/postgres_schema.py, index_words): the
    -- store folds them as SQLite's FTS5 tokenizer does (unicode61, remove_diacritics 2: "Fähre" -> "fahre", words
    -- are runs of letters and digits, lower case, no stemming, no stop words) and writes them with the article.
    -- Not to_tsvector() in a generated column: folding in Python keeps index and query words identical whatever
    -- the database's locale, and a batch of 50 articles of 3.5 KB takes 17 ms instead of 40 (20,000 synthetic
    -- articles on a local server; normalize(), regexp_replace() and the text-search parser cost the difference).
    search         TSVECTOR NOT NULL
);
CREATE INDEX articles_seen ON articles (seen, seq);
CREATE INDEX articles_outlet ON articles (lower(outlet), seen);
CREATE INDEX articles_search ON articles USING GIN (search);

-- Kept apart from the text so a scan over many articles' features reads few pages.
CREATE TABLE article_features (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature  BYTEA NOT NULL,
    lemmas     JSON NOT NULL,
    names      JSON NOT NULL
);

CREATE TABLE stories (
    id         TEXT COLLATE "C" PRIMARY KEY,
    title      TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
);

-- The article is the key: an article belongs to exactly one story.
CREATE TABLE story_members (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    added_at   TEXT COLLATE "C" NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id);

-- One origin per copy; added and cut hold JSON lists of [article_id, sentence index].
CREATE TABLE copies (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    origin_id  TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    similarity DOUBLE PRECISION NOT NULL,
    added      JSON NOT NULL DEFAULT '[]',
    cut        JSON NOT NULL DEFAULT '[]',
    CHECK (article_id <> origin_id)
);
CREATE INDEX copies_origin ON copies (origin_id);
