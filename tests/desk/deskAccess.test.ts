import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  connect,
  newStoryId,
  removeDir,
  runDesk,
  staffDesk,
  startDeskProcess,
  waitFor,
  type DeskProcess,
} from './deskKit';

let desk: DeskProcess;
let staff: Awaited<ReturnType<typeof staffDesk>>;
const storyId = newStoryId();

beforeAll(async () => {
  desk = await startDeskProcess();
  staff = await staffDesk(desk);
  await api(desk, '/api/stories', { token: staff.reporter.token, body: { id: storyId } });
});

afterAll(async () => {
  await desk?.stop();
  if (desk) removeDir(desk.dataDir);
});

describe('the desk server', () => {
  it('prints its address first, then the first editor’s invitation once', async () => {
    expect(desk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(desk.firstInvitation).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
    expect(staff.editor.person.role).toBe('editor');
    expect(staff.reporter.person.role).toBe('reporter');
  });

  it('an operator invites from the terminal; the code works once', async () => {
    const { lines } = await runDesk([
      'invite',
      '--data',
      desk.dataDir,
      '--name',
      'Tess Terminal',
      '--role',
      'reporter',
    ]);
    const match = /^Invitation for Tess Terminal \(reporter\): (\S+)$/.exec(lines[0] ?? '');
    expect(match).not.toBeNull();
    const first = await api<{ person: { name: string } }>(desk, '/api/join', { body: { code: match![1] } });
    expect(first.status).toBe(200);
    expect(first.body.person.name).toBe('Tess Terminal');
    const again = await api<{ code: string }>(desk, '/api/join', { body: { code: match![1] } });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('unauthorized');
  });

  it('refuses a wrong token over HTTP and over the WebSocket', async () => {
    expect((await api(desk, '/api/stories', { token: 'not-a-token' })).status).toBe(401);
    const client = connect(desk, 'not-a-token', `story/${storyId}`);
    try {
      await expect(client.authFailure).resolves.toBeTruthy();
    } finally {
      client.close();
    }
  });

  it('refuses a forged document name and a story the desk does not know', async () => {
    for (const name of ['../desk.db', `story/${storyId}/x`, `story/${newStoryId()}`]) {
      const client = connect(desk, staff.reporter.token, name);
      try {
        await expect(client.authFailure).resolves.toBeTruthy();
      } finally {
        client.close();
      }
    }
  });

  it('lets the reporter submit, refuses the reporter’s approval and a stale version', async () => {
    const path = `/api/stories/${storyId}/transitions`;
    const submitted = await api<{ status: string; version: number }>(desk, path, {
      token: staff.reporter.token,
      body: { action: 'submit', baseVersion: 1 },
    });
    expect(submitted).toMatchObject({ status: 200, body: { status: 'in_review', version: 2 } });
    const approve = await api<{ code: string }>(desk, path, {
      token: staff.reporter.token,
      body: { action: 'approve', baseVersion: 2 },
    });
    expect(approve).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const stale = await api<{ code: string; current: { version: number } }>(desk, path, {
      token: staff.editor.token,
      body: { action: 'approve', baseVersion: 1 },
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'conflict', current: { version: 2 } } });
    const invite = await api(desk, '/api/invitations', {
      token: staff.reporter.token,
      body: { name: 'Someone', role: 'editor' },
    });
    expect(invite.status).toBe(403);
    const bad = await api<{ code: string }>(desk, path, {
      token: staff.editor.token,
      body: { action: 'rubber-stamp' },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid-input' } });
  });

  it('a removed person’s token dies at once and their open connection is closed', async () => {
    const invited = await api<{ code: string }>(desk, '/api/invitations', {
      token: staff.editor.token,
      body: { name: 'Leaving Soon', role: 'reporter' },
    });
    const leaving = await api<{ token: string; person: { id: string } }>(desk, '/api/join', {
      body: { code: invited.body.code },
    });
    const client = connect(desk, leaving.body.token, `story/${storyId}`);
    try {
      await client.synced();
      let closed = false;
      client.provider.configuration.websocketProvider.on('close', () => (closed = true));
      const removed = await api(desk, `/api/people/${leaving.body.person.id}`, {
        method: 'DELETE',
        token: staff.editor.token,
      });
      expect(removed.status).toBe(204);
      await waitFor(() => closed, 5_000, 'the connection to close');
      expect((await api(desk, '/api/stories', { token: leaving.body.token })).status).toBe(401);
      await expect(client.authFailure).resolves.toBeTruthy();
    } finally {
      client.close();
    }
    const people = await api<{ name: string }[]>(desk, '/api/people', { token: staff.editor.token });
    expect(people.body.map((person) => person.name)).not.toContain('Leaving Soon');
  });
});
