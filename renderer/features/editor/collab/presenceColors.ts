/** Colours of people on a story; each has a `.collab-person-N` rule in collab.css (inline styles are refused by the CSP). */
export const PRESENCE_COLORS = [
  '#1f6fd1',
  '#c2410c',
  '#15803d',
  '#9333ea',
  '#be123c',
  '#0e7490',
  '#a16207',
  '#4338ca',
];

export function colorIndexOf(personId: string): number {
  let hash = 0;
  for (const char of personId) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash) % PRESENCE_COLORS.length;
}

export interface PresenceUser {
  name: string;
  color: string;
  colorIndex: number;
  personId: string;
}
