-- The static site orders stories by their publications' time; nothing reads stories.published_at.
DROP INDEX stories_section_published;
ALTER TABLE stories DROP COLUMN published_at;
