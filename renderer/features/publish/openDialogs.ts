import type { PublishJob } from '../../../shared/domain/publication';

/** An open publish dialog's state, by story id. */
export interface OpenDialog {
  job: PublishJob | null;
  wasLive: boolean | null;
}

// Kept outside React: the story form remounts when the story reloads (e.g. its status becomes published mid-job).
export const openDialogs = new Map<string, OpenDialog>();
