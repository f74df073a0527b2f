/** An import refused or stopped: the message says why and, for a file, where. Nothing of it is kept. */
export class ImportError extends Error {
  override name = 'ImportError';
}
