import stories from './0001_stories.sql';
import revisionsMediaSections from './0002_revisions_media_sections.sql';
import settings from './0003_settings.sql';

/** Schema migrations in order (keep this list sorted by number); a database's `user_version` is the number of them it has applied. */
export const migrations: readonly { name: string; sql: string }[] = [
  { name: '0001_stories', sql: stories },
  { name: '0002_revisions_media_sections', sql: revisionsMediaSections },
  { name: '0003_settings', sql: settings },
];
