-- The correction draft a published or spiked desk story's later edits went into (the desk's word, kept here so
-- it is shown offline and after a restart), and people the desk removed: gone from the lists, their names kept
-- on what they wrote.
ALTER TABLE desk_stories ADD COLUMN correction_id TEXT;
ALTER TABLE people ADD COLUMN removed_at INTEGER;
