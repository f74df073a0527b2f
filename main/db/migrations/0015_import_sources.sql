-- Where an imported story came from, so importing the same source again updates it instead of
-- adding a copy: source is e.g. 'wxr:https://example.com' or 'wordpress:<target id>', remote_id the
-- post id or guid there.
CREATE TABLE import_sources (
  source TEXT NOT NULL,
  remote_id TEXT NOT NULL,
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (source, remote_id)
) STRICT;

CREATE INDEX import_sources_story ON import_sources (story_id);
