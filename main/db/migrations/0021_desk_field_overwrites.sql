-- A story field whose value this machine showed was replaced by one written on another machine without seeing
-- it (both changed it while apart): kept until the person chooses, so the replaced value is offered, not lost.
-- Values are JSON, as in the story's doc.
CREATE TABLE desk_field_overwrites (
  story_id TEXT NOT NULL REFERENCES desk_stories (story_id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  kept TEXT NOT NULL,
  lost TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (story_id, field)
) STRICT;
