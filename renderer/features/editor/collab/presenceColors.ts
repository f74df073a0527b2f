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

/** Someone's awareness `user`, as far as it can be shown: other machines' states are anyone's JSON. */
export function presenceUserOf(state: unknown): PresenceUser | null {
  const user = (state as { user?: Partial<Record<keyof PresenceUser, unknown>> } | null)?.user;
  if (!user || typeof user.name !== 'string' || user.name.trim() === '') return null;
  const personId = typeof user.personId === 'string' ? user.personId : user.name;
  const index = user.colorIndex;
  const colorIndex =
    typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < PRESENCE_COLOR_COUNT
      ? index
      : colorIndexOf(personId);
  return { name: user.name.slice(0, 120), personId, colorIndex };
}
