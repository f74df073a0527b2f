import type { JobErrorKind } from '../../shared/domain/publication';
import { isRetryable } from '../../shared/domain/publishJob';

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
    return isRetryable(this.kind);
  }
}
