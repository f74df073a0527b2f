-- The story's tags just after a merge (tag ids, sorted, as JSON), so undoing the merge can leave alone a story
-- whose tags were changed by hand since. Merges recorded before this have none and are undone as before.
ALTER TABLE tag_merge_stories ADD COLUMN tags_after TEXT;
