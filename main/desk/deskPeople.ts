import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import type { Role } from '../../shared/domain/person';

export interface DeskPerson {
  id: string;
  name: string;
  role: Role;
}

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A code a person can read out over the phone: 20 characters in groups of 5, about 98 bits. */
function invitationCode(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]);
  return [0, 5, 10, 15].map((at) => chars.slice(at, at + 5).join('')).join('-');
}

const normalizeCode = (code: string) => code.trim().toUpperCase().replace(/\s+/g, '');

export class DeskAccessError extends Error {
  constructor(
    readonly code: 'unauthorized' | 'forbidden' | 'not-found' | 'invalid-input',
    message: string,
  ) {
    super(message);
  }
}

/** People, one-time invitations and per-person tokens; only hashes of codes and tokens are stored. */
export function deskPeople(db: Database.Database, now: () => Date = () => new Date()) {
  const insertInvitation = db.prepare(
    'INSERT INTO invitations (code_hash, name, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const findInvitation = db.prepare<
    [string],
    { name: string; role: Role; expires_at: string; used_at: string | null }
  >('SELECT name, role, expires_at, used_at FROM invitations WHERE code_hash = ?');
  const useInvitation = db.prepare(
    'UPDATE invitations SET used_at = ? WHERE code_hash = ? AND used_at IS NULL',
  );
  const insertPerson = db.prepare('INSERT INTO people (id, name, role, created_at) VALUES (?, ?, ?, ?)');
  const insertToken = db.prepare('INSERT INTO tokens (token_hash, person_id, created_at) VALUES (?, ?, ?)');
  const personOfToken = db.prepare<[string], DeskPerson>(
    `SELECT p.id, p.name, p.role FROM tokens t JOIN people p ON p.id = t.person_id
     WHERE t.token_hash = ? AND p.removed_at IS NULL`,
  );
  const listPeople = db.prepare<[], DeskPerson>(
    'SELECT id, name, role FROM people WHERE removed_at IS NULL ORDER BY created_at, id',
  );
  const countPeople = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM people');
  const removePerson = db.prepare('UPDATE people SET removed_at = ? WHERE id = ? AND removed_at IS NULL');
  const deleteTokens = db.prepare('DELETE FROM tokens WHERE person_id = ?');
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');

  function invite(args: { name: string; role: Role; createdBy?: string }): string {
    const code = invitationCode();
    const at = now();
    insertInvitation.run(
      hashSecret(normalizeCode(code)),
      args.name,
      args.role,
      args.createdBy ?? null,
      at.toISOString(),
      new Date(at.getTime() + INVITATION_LIFETIME_MS).toISOString(),
    );
    return code;
  }

  const join = db.transaction((code: string, name?: string): { token: string; person: DeskPerson } => {
    const codeHash = hashSecret(normalizeCode(code));
    const invitation = findInvitation.get(codeHash);
    if (!invitation) throw new DeskAccessError('unauthorized', 'This invitation code is not valid.');
    if (invitation.used_at)
      throw new DeskAccessError('unauthorized', 'This invitation has already been used.');
    const at = now();
    if (new Date(invitation.expires_at) <= at)
      throw new DeskAccessError('unauthorized', 'This invitation has expired.');
    useInvitation.run(at.toISOString(), codeHash);
    const person: DeskPerson = { id: ulid(), name: name?.trim() || invitation.name, role: invitation.role };
    insertPerson.run(person.id, person.name, person.role, at.toISOString());
    const token = randomBytes(32).toString('base64url');
    insertToken.run(hashSecret(token), person.id, at.toISOString());
    return { token, person };
  });

  return {
    invite,
    join,
    /** The person a token belongs to, or null when it is unknown or its person was removed. */
    authenticate: (token: string | undefined | null): DeskPerson | null =>
      token ? (personOfToken.get(hashSecret(token)) ?? null) : null,
    list: () => listPeople.all(),
    remove: db.transaction((id: string) => {
      if (removePerson.run(now().toISOString(), id).changes === 0) {
        throw new DeskAccessError('not-found', 'No such person on this desk.');
      }
      deleteTokens.run(id);
    }),
    /** On a new desk, the one invitation that makes its first editor; null once it was issued. */
    firstInvitation: db.transaction((): string | null => {
      if (getMeta.get('first_invitation') || countPeople.get()!.n > 0) return null;
      setMeta.run('first_invitation', now().toISOString());
      return invite({ name: 'First editor', role: 'editor' });
    }),
  };
}

export type DeskPeople = ReturnType<typeof deskPeople>;
