ALTER TABLE stories ADD COLUMN embargo_until INTEGER;
