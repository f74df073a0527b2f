/** The Electron executable if its runtime was downloaded, else null. Never triggers a download. */
export function electronBinary(): string | null;
export const electronMissingReason: string;
