import stories from './0001_stories.sql';
import revisionsMediaSections from './0002_revisions_media_sections.sql';
import settings from './0003_settings.sql';
import library from './0004_library.sql';
import storyLinks from './0005_story_links.sql';
import review from './0006_review.sql';
import publishing from './0007_publishing.sql';
import embargo from './0008_embargo.sql';
import searchReindexOnChange from './0009_search_reindex_on_change.sql';
import storyTargets from './0010_story_targets.sql';
import tagKeys from './0011_tag_keys.sql';
import dropStoryPublishedAt from './0012_drop_story_published_at.sql';
import desk from './0013_desk.sql';
import publishJobSeq from './0014_publish_job_seq.sql';
import importSources from './0015_import_sources.sql';
import mergeUndoAndUpdated from './0016_merge_undo_and_updated.sql';
import searchPrefixIndex from './0017_search_prefix_index.sql';
import deskCorrectionsAndRemovals from './0018_desk_corrections_and_removals.sql';
import deferredSaveWork from './0019_deferred_save_work.sql';
import tagMergeTagsAfter from './0020_tag_merge_tags_after.sql';
import deskFieldOverwrites from './0021_desk_field_overwrites.sql';

/** Schema migrations in order (keep this list sorted by number); a database's `user_version` is the number of them it has applied. */
export const migrations: readonly { name: string; sql: string }[] = [
  { name: '0001_stories', sql: stories },
  { name: '0002_revisions_media_sections', sql: revisionsMediaSections },
  { name: '0003_settings', sql: settings },
  { name: '0004_library', sql: library },
  { name: '0005_story_links', sql: storyLinks },
  { name: '0006_review', sql: review },
  { name: '0007_publishing', sql: publishing },
  { name: '0008_embargo', sql: embargo },
  { name: '0009_search_reindex_on_change', sql: searchReindexOnChange },
  { name: '0010_story_targets', sql: storyTargets },
  { name: '0011_tag_keys', sql: tagKeys },
  { name: '0012_drop_story_published_at', sql: dropStoryPublishedAt },
  { name: '0013_desk', sql: desk },
  { name: '0014_publish_job_seq', sql: publishJobSeq },
  { name: '0015_import_sources', sql: importSources },
  { name: '0016_merge_undo_and_updated', sql: mergeUndoAndUpdated },
  { name: '0017_search_prefix_index', sql: searchPrefixIndex },
  { name: '0018_desk_corrections_and_removals', sql: deskCorrectionsAndRemovals },
  { name: '0019_deferred_save_work', sql: deferredSaveWork },
  { name: '0020_tag_merge_tags_after', sql: tagMergeTagsAfter },
  { name: '0021_desk_field_overwrites', sql: deskFieldOverwrites },
];
