-- Derived from each story's body on every save (inline story links and "Also read" blocks).
-- to_id has no foreign key: a link to a story that no longer exists is kept and shown as broken.
CREATE TABLE story_links (
  from_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  to_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inline', 'also_read')),
  PRIMARY KEY (from_id, to_id, kind)
) STRICT, WITHOUT ROWID;

CREATE INDEX story_links_to ON story_links (to_id, from_id);

-- When a story first reached 'published'; the site orders a section by it, by created_at until then.
ALTER TABLE stories ADD COLUMN published_at INTEGER;

CREATE INDEX stories_section_published ON stories (section_id, coalesce(published_at, created_at), id);

-- Covers the link picker's word search, so a headline scan never reads the (large) story rows.
CREATE INDEX stories_link_picker
  ON stories ((trashed_at IS NOT NULL), updated_at DESC, id DESC, headline, status, section_id);
