-- Every write of a job row takes the next number, so a window can tell the later of two rows of a job
-- (rows written in one millisecond tie on updated_at).
ALTER TABLE publish_jobs ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE publish_jobs SET seq = rowid;
CREATE INDEX publish_jobs_seq ON publish_jobs (seq);
