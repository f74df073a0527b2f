CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE story_tags (
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (story_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX story_tags_by_tag ON story_tags (tag_id, story_id);

-- Stable integer keys for the search index: a rowid of `stories` may change on VACUUM.
CREATE TABLE story_search_ids (
  search_id INTEGER PRIMARY KEY,
  story_id TEXT NOT NULL UNIQUE REFERENCES stories (id) ON DELETE CASCADE
) STRICT;

CREATE VIRTUAL TABLE stories_fts USING fts5 (
  headline, standfirst, body_text, tags,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO stories_fts (stories_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 6.0)');

INSERT INTO story_search_ids (story_id) SELECT id FROM stories ORDER BY id;
INSERT INTO stories_fts (rowid, headline, standfirst, body_text, tags)
  SELECT ss.search_id, s.headline, s.standfirst, s.body_text, ''
  FROM story_search_ids ss JOIN stories s ON s.id = ss.story_id;

CREATE TRIGGER stories_search_insert AFTER INSERT ON stories BEGIN
  INSERT INTO story_search_ids (story_id) VALUES (new.id);
  INSERT INTO stories_fts (rowid, headline, standfirst, body_text, tags)
    VALUES ((SELECT search_id FROM story_search_ids WHERE story_id = new.id),
            new.headline, new.standfirst, new.body_text, '');
END;

CREATE TRIGGER stories_search_update AFTER UPDATE OF headline, standfirst, body_text ON stories BEGIN
  UPDATE stories_fts SET headline = new.headline, standfirst = new.standfirst, body_text = new.body_text
    WHERE rowid = (SELECT search_id FROM story_search_ids WHERE story_id = new.id);
END;

CREATE TRIGGER stories_search_delete BEFORE DELETE ON stories BEGIN
  DELETE FROM stories_fts WHERE rowid = (SELECT search_id FROM story_search_ids WHERE story_id = old.id);
END;

CREATE TRIGGER story_tags_search_insert AFTER INSERT ON story_tags BEGIN
  UPDATE stories_fts SET tags = (
      SELECT group_concat(t.name, ' ') FROM story_tags st JOIN tags t ON t.id = st.tag_id
      WHERE st.story_id = new.story_id)
    WHERE rowid = (SELECT search_id FROM story_search_ids WHERE story_id = new.story_id);
END;

CREATE TRIGGER story_tags_search_delete AFTER DELETE ON story_tags BEGIN
  UPDATE stories_fts SET tags = coalesce((
      SELECT group_concat(t.name, ' ') FROM story_tags st JOIN tags t ON t.id = st.tag_id
      WHERE st.story_id = old.story_id), '')
    WHERE rowid = (SELECT search_id FROM story_search_ids WHERE story_id = old.story_id);
END;

CREATE TRIGGER tags_search_rename AFTER UPDATE OF name ON tags BEGIN
  UPDATE stories_fts SET tags = (
      SELECT group_concat(t.name, ' ') FROM story_tags st JOIN tags t ON t.id = st.tag_id
      WHERE st.story_id = (SELECT story_id FROM story_search_ids WHERE search_id = stories_fts.rowid))
    WHERE rowid IN (
      SELECT ss.search_id FROM story_tags st JOIN story_search_ids ss ON ss.story_id = st.story_id
      WHERE st.tag_id = new.id);
END;

-- Keyset paging for each sort of the library list, live stories and trash alike.
CREATE INDEX stories_by_headline ON stories (trashed_at IS NOT NULL, headline COLLATE NOCASE, id);
CREATE INDEX stories_by_author ON stories (trashed_at IS NOT NULL, author COLLATE NOCASE, id);
CREATE INDEX stories_status_recent ON stories (status, updated_at, id);
CREATE INDEX stories_section_recent ON stories (section_id, updated_at, id);
CREATE INDEX stories_author_recent ON stories (author COLLATE NOCASE, updated_at, id);
CREATE INDEX sections_by_position ON sections (position, name);
