import { AppError } from '../../../shared/ipc/errors';
import type { SecretBox } from './secretBox';

/** The part of Electron's `safeStorage` used here (passed in, so this file never imports Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store Chromium chose; `basic_text` is a fixed, public key. */
  getSelectedStorageBackend?(): string;
}

export const NO_KEYRING_MESSAGE =
  'No system keyring (GNOME Keyring, KWallet…) is running, so the password could only be stored ' +
  'under a key every copy of Chromium knows. Copydesk did not store it: start your keyring and try again.';

/**
 * Secrets sealed by the OS keychain through Electron's `safeStorage`. On Linux without a keyring
 * Chromium silently falls back to a hard-coded password (`basic_text`); sealing is refused there.
 */
export function safeStorageSecretBox(safeStorage: SafeStorageLike, platform = process.platform): SecretBox {
  return {
    seal(text) {
      if (!safeStorage.isEncryptionAvailable())
        throw new AppError(
          'unavailable',
          'The system keychain is not available; the password was not stored.',
        );
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text')
        throw new AppError('unavailable', NO_KEYRING_MESSAGE);
      return `ss:${safeStorage.encryptString(text).toString('base64')}`;
    },
    open(sealed) {
      if (!sealed.startsWith('ss:')) throw new Error('Unknown secret format');
      return safeStorage.decryptString(Buffer.from(sealed.slice(3), 'base64'));
    },
  };
}
