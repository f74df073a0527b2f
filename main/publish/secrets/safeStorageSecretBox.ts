import type { SecretBox } from './secretBox';

/** The part of Electron's `safeStorage` used here (passed in, so this file never imports Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Secrets sealed by the OS keychain through Electron's `safeStorage`. */
export function safeStorageSecretBox(safeStorage: SafeStorageLike): SecretBox {
  return {
    seal(text) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('The system keychain is not available');
      return `ss:${safeStorage.encryptString(text).toString('base64')}`;
    },
    open(sealed) {
      if (!sealed.startsWith('ss:')) throw new Error('Unknown secret format');
      return safeStorage.decryptString(Buffer.from(sealed.slice(3), 'base64'));
    },
  };
}
