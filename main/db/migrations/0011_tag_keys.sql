-- Tags are unique ignoring case in every script, not just A–Z (what NOCASE folds): each tag stores
-- its name folded by tagKey() (shared/domain/tag.ts), which openDatabase registers as tag_key().
ALTER TABLE tags ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE tags SET name_key = tag_key(name);

-- Tags that differed only beyond A–Z ("Économie", "économie") become one: the oldest keeps its
-- spelling and every story of the others.
CREATE TEMP TABLE tag_duplicates AS
  SELECT t.id AS source, (SELECT min(k.id) FROM tags k WHERE k.name_key = t.name_key) AS target
  FROM tags t
  WHERE t.id <> (SELECT min(k.id) FROM tags k WHERE k.name_key = t.name_key);
INSERT OR IGNORE INTO story_tags (story_id, tag_id, position)
  SELECT st.story_id, d.target, st.position FROM story_tags st JOIN tag_duplicates d ON d.source = st.tag_id;
DELETE FROM tags WHERE id IN (SELECT source FROM tag_duplicates);
DROP TABLE tag_duplicates;

CREATE UNIQUE INDEX tags_by_key ON tags (name_key);
