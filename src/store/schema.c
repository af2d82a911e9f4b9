/*
 * schema.c - the store's schema as an ordered list of migrations. Migration i takes a database
 * from PRAGMA user_version i to i + 1; store_open applies the missing ones, each in one
 * transaction with the user_version bump, so a database is always at a whole version.
 * Never edit a released migration: append a new one. docs/data-model.md describes the tables.
 *
 * Full-text search uses FTS5 tables with external content (content=articles / content=quotes)
 * kept in step by triggers. External content because the text is stored once, in the base
 * table, while snippet() and highlight() still work (they read the base table); a contentless
 * table cannot show snippets, and a plain FTS5 table would hold a second copy of every text.
 * The triggers run inside the writer's transaction, so the index can never disagree with the
 * rows after a crash.
 */
#include "store/store.h"

static const char *const migration_1[] = {
    /* Outlets: one row per site name or host. */
    "CREATE TABLE outlets(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL UNIQUE\n"
    ");\n",
    /* Ingest runs and the inputs each completed. */
    "CREATE TABLE ingests(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  started TEXT NOT NULL,\n"
    "  finished TEXT,\n"
    "  status TEXT NOT NULL DEFAULT 'running',\n" /* running, done, failed, stopped */
    "  tool TEXT NOT NULL,\n"                     /* dossier version that ran it */
    "  args TEXT,\n"
    "  n_new INTEGER NOT NULL DEFAULT 0,\n"
    "  n_unchanged INTEGER NOT NULL DEFAULT 0,\n"
    "  n_versions INTEGER NOT NULL DEFAULT 0,\n"
    "  n_errors INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE TABLE ingest_inputs(\n"
    "  ingest INTEGER NOT NULL REFERENCES ingests(id),\n"
    "  input TEXT NOT NULL,\n"
    "  completed TEXT NOT NULL,\n"
    "  n_articles INTEGER NOT NULL,\n"
    "  PRIMARY KEY(ingest, input)\n"
    ");\n",
    /* Articles: every version of every (source, idx); exactly one is latest. */
    "CREATE TABLE articles(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uid TEXT NOT NULL,\n"          /* 16-hex hash of source and idx, as in the JSONL */
    "  source TEXT NOT NULL,\n"
    "  idx INTEGER NOT NULL,\n"
    "  version INTEGER NOT NULL,\n"   /* 1, 2, ... per (source, idx) */
    "  latest INTEGER NOT NULL,\n"    /* 1 for the newest version, else 0 */
    "  url TEXT,\n"
    "  outlet INTEGER REFERENCES outlets(id),\n"
    "  title TEXT,\n"
    "  author TEXT,\n"
    "  published TEXT,\n"
    "  lang TEXT,\n"
    "  teaser INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  hash TEXT NOT NULL,\n"         /* content hash of text and metadata */
    "  first_seen TEXT NOT NULL,\n"
    "  last_seen TEXT NOT NULL,\n"
    "  ingest INTEGER REFERENCES ingests(id),\n"
    "  UNIQUE(source, idx, version)\n"
    ");\n"
    "CREATE UNIQUE INDEX articles_latest ON articles(source, idx) WHERE latest = 1;\n"
    "CREATE INDEX articles_hash ON articles(hash);\n"
    "CREATE INDEX articles_outlet ON articles(outlet, published);\n"
    "CREATE INDEX articles_published ON articles(published);\n",
    /* Provenance: each paragraph in the text and in the input document. */
    "CREATE TABLE paragraphs(\n"
    "  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n"
    "  n INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  src_start INTEGER,\n"
    "  src_end INTEGER,\n"
    "  PRIMARY KEY(article, n)\n"
    ") WITHOUT ROWID;\n",
    /* The language layer. */
    "CREATE TABLE sentences(\n"
    "  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n"
    "  n INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  PRIMARY KEY(article, n)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE entities(\n"            /* corpus-wide: one row per canonical name and kind */
    "  id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL,\n"
    "  kind TEXT NOT NULL,\n"             /* person, org, place */
    "  code TEXT,\n"
    "  title TEXT,\n"
    "  country TEXT,\n"
    "  UNIQUE(name, kind)\n"
    ");\n"
    "CREATE TABLE mentions(\n"
    "  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n"
    "  n INTEGER NOT NULL,\n"
    "  entity INTEGER NOT NULL REFERENCES entities(id),\n"
    "  sentence INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  how TEXT NOT NULL,\n"              /* name, short, variant, title, role, pronoun, ... */
    "  PRIMARY KEY(article, n)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX mentions_entity ON mentions(entity);\n",
    "CREATE TABLE quotes(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n"
    "  n INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL,\n"             /* direct, partial, indirect */
    "  text TEXT NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  cue TEXT,\n"
    "  cue_lemma TEXT,\n"
    "  cue_start INTEGER,\n"
    "  cue_end INTEGER,\n"
    "  speaker_entity INTEGER REFERENCES entities(id),\n"
    "  speaker TEXT,\n"                   /* the entity's name, for search and export */
    "  speaker_start INTEGER,\n"
    "  speaker_end INTEGER,\n"
    "  sentence INTEGER NOT NULL,\n"
    "  UNIQUE(article, n)\n"
    ");\n"
    "CREATE INDEX quotes_speaker ON quotes(speaker_entity);\n",
    /* Stories (written by the stories stage). */
    "CREATE TABLE stories(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  label TEXT,\n"
    "  first TEXT,\n"
    "  last TEXT,\n"
    "  created TEXT NOT NULL,\n"
    "  updated TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE story_articles(\n"
    "  story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,\n"
    "  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n"
    "  role TEXT NOT NULL DEFAULT 'member',\n" /* member, duplicate, glued */
    "  duplicate_of INTEGER REFERENCES articles(id),\n"
    "  score REAL,\n"
    "  PRIMARY KEY(story, article)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX story_articles_article ON story_articles(article);\n",
    /* Full-text search, external content kept by triggers (see the file comment). */
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',\n"
    "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN\n"
    "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);\n"
    "END;\n"
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN\n"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)\n"
    "    VALUES ('delete', old.id, old.title, old.text);\n"
    "END;\n"
    /* Only a change of the indexed columns touches the index (last_seen, latest do not). */
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN\n"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)\n"
    "    VALUES ('delete', old.id, old.title, old.text);\n"
    "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);\n"
    "END;\n",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes',\n"
    "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
    "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN\n"
    "  INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text,\n"
    "    new.speaker);\n"
    "END;\n"
    "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN\n"
    "  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)\n"
    "    VALUES ('delete', old.id, old.text, old.speaker);\n"
    "END;\n"
    "CREATE TRIGGER quotes_fts_au AFTER UPDATE OF text, speaker ON quotes BEGIN\n"
    "  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)\n"
    "    VALUES ('delete', old.id, old.text, old.speaker);\n"
    "  INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text,\n"
    "    new.speaker);\n"
    "END;\n",
    NULL};

/* Migration 2: each article's clustering features, packed by the stories stage (cl_pack), so
 * that a clustering run reads them instead of the text: an incremental run then costs little
 * more than its new articles. A row is a cache: deleting it only makes the next run recompute.
 * And the article's last-modified date (not part of its content hash: a page whose only change
 * is that date is not a new version). */
static const char *const migration_2[] = {
    "ALTER TABLE articles ADD COLUMN modified TEXT;\n",
    "CREATE TABLE article_features(\n"
    "  article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,\n"
    "  data BLOB NOT NULL\n"
    ");\n",
    NULL};

const store_migration store_migrations[] = {
    {"articles, outlets, provenance, language layer, quotes, stories, ingests, FTS5",
     migration_1},
    {"article_features: packed clustering features per article; articles.modified",
     migration_2},
};
const int store_n_migrations = (int)(sizeof store_migrations / sizeof store_migrations[0]);
