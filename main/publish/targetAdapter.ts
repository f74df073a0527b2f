import type { JobProgress } from '../../shared/domain/publication';
import type { PublicationRecord, PublishedSnapshot } from '../db/queries/publicationQueries';

/** An image of the story's media store that goes out with it. */
export interface MediaAsset {
  /** As the story stores it: `media/<sha256>.<ext>`. */
  src: string;
  hash: string;
  ext: string;
  mimeType: string;
  read(): Promise<Uint8Array>;
}

/** Everything a target needs to send one story. */
export interface PublishRequest {
  storyId: string;
  snapshot: PublishedSnapshot;
  sectionName: string | null;
  previous: PublicationRecord | null;
  /** An earlier attempt of this job may have reached the site: look the post up before creating one. */
  retried: boolean;
  /** The user confirmed overwriting an edit made on the site. */
  overwrite: boolean;
  /** Go live at this time instead of now. */
  scheduledFor: Date | null;
  /** Images in the body and the featured image, each once. */
  media: MediaAsset[];
  /** The body as HTML for the site, images at the URLs `mediaUrl` gives. */
  renderHtml(mediaUrl: (src: string) => string): string;
  progress(progress: JobProgress): void;
}

export interface PublishResult {
  remoteId: string;
  remoteUrl: string;
  remoteModified: string | null;
}

/** One kind of site stories are published to (DESIGN §6). */
export interface TargetAdapter {
  publish(request: PublishRequest): Promise<PublishResult>;
  /** Takes the story off the site (WordPress: back to draft). */
  unpublish(request: {
    storyId: string;
    previous: PublicationRecord;
  }): Promise<{ remoteModified: string | null }>;
}
