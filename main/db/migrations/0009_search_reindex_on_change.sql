-- Reindex a story only when its searchable text changed, not on every save of another field.
DROP TRIGGER stories_search_update;
CREATE TRIGGER stories_search_update AFTER UPDATE OF headline, standfirst, body_text ON stories
WHEN old.headline IS NOT new.headline OR old.standfirst IS NOT new.standfirst OR old.body_text IS NOT new.body_text
BEGIN
  UPDATE stories_fts SET headline = new.headline, standfirst = new.standfirst, body_text = new.body_text
    WHERE rowid = (SELECT search_id FROM story_search_ids WHERE story_id = new.id);
END;
