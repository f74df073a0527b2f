import type { JobErrorKind } from '../../shared/domain/publication';

/** Why sending a job failed; only `network` (connection, timeout, 5xx, 429) is worth retrying. */
export class PublishError extends Error {
  constructor(
    readonly kind: JobErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'PublishError';
  }

  get retryable(): boolean {
    return this.kind === 'network';
  }
}
