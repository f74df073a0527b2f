/** How many caret colours there are: each is a `.collab-person-N` rule in collab.css (the CSP refuses inline styles). */
const PRESENCE_COLOR_COUNT = 8;

export function colorIndexOf(personId: string): number {
  let hash = 0;
  for (const char of personId) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash) % PRESENCE_COLOR_COUNT;
}

/** What this window tells the others about who is typing (Yjs awareness `user`). */
export interface PresenceUser {
  name: string;
  personId: string;
  colorIndex: number;
}
