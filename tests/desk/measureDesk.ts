// Measures the desk on loopback (a script, not a test): `node --import tsx tests/desk/measureDesk.ts`.
// Prints edit-to-other-client latency p50/p95, merge time after 1,000 offline edits, and the desk's
// memory and CPU with 1,000 open documents over 100 client connections.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { api, connect, newStoryId, removeDir, staffDesk, startDeskProcess, waitFor } from './deskKit';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

export interface DeskMeasurements {
  /** Edit by one client until the other client's document has it, ms, sorted. */
  latencies: number[];
  mergeMs: number;
  documents: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  openMs: number;
  openCpuSeconds: number;
  idleCpuShare: number;
}

/** The measurements above against a desk process on loopback; `print` gets each line as it is made. */
export async function measureDesk(
  print: (line: string) => void = () => undefined,
): Promise<DeskMeasurements> {
  const desk = await startDeskProcess();
  const pid = desk.child.pid!;
  try {
    const { editor, reporter } = await staffDesk(desk);
    const register = async () => {
      const id = newStoryId();
      await api(desk, '/api/stories', { token: reporter.token, body: { id } });
      return `story/${id}`;
    };

    // 1. Latency: one character typed by A until B's document has it.
    const name = await register();
    const a = connect(desk, reporter.token, name);
    const b = connect(desk, editor.token, name);
    await Promise.all([a.synced(), b.synced()]);
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const expected = b.text.length + 1;
      const seen = new Promise<void>((done) => {
        const check = () => {
          if (b.text.length >= expected) {
            b.doc.off('update', check);
            done();
          }
        };
        b.doc.on('update', check);
      });
      const started = performance.now();
      a.text.insert(a.text.length, 'x');
      await seen;
      samples.push(performance.now() - started);
    }
    samples.sort((x, y) => x - y);
    print(
      `edit → other client: p50 ${percentile(samples, 0.5).toFixed(2)} ms, p95 ${percentile(samples, 0.95).toFixed(2)} ms (${samples.length} edits)`,
    );

    // 2. Merge: A makes 1,000 edits while disconnected, then reconnects; until B has the last one.
    a.provider.configuration.websocketProvider.disconnect();
    await waitFor(() => a.provider.configuration.websocketProvider.status === 'disconnected', 5_000);
    for (let i = 0; i < 1_000; i++) a.text.insert(Math.floor(Math.random() * a.text.length), `o${i}`);
    a.text.insert(a.text.length, 'LAST');
    const mergeStarted = performance.now();
    await a.provider.configuration.websocketProvider.connect();
    await waitFor(() => b.text.toString().includes('LAST'), 30_000, 'the merge');
    const mergeMs = performance.now() - mergeStarted;
    print(`merge after 1,000 offline edits: ${mergeMs.toFixed(0)} ms until the other client has them`);
    a.close();
    b.close();

    // 3. 1,000 open documents over 100 connections (10 documents each), each with a paragraph.
    const names: string[] = [];
    for (let i = 0; i < 1_000; i++) names.push(await register());
    const rssBefore = rssMb(pid);
    const cpuBefore = cpuSeconds(pid);
    const openStarted = performance.now();
    const sockets: HocuspocusProviderWebsocket[] = [];
    const providers: HocuspocusProvider[] = [];
    for (let c = 0; c < 100; c++) {
      const socket = new HocuspocusProviderWebsocket({
        url: `${desk.url.replace(/^http/, 'ws')}/ws`,
        WebSocketPolyfill: WebSocket,
      });
      sockets.push(socket);
      for (const docName of names.slice(c * 10, c * 10 + 10)) {
        const doc = new Y.Doc();
        const provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: docName,
          document: doc,
          token: reporter.token,
        });
        provider.attach();
        providers.push(provider);
        doc
          .getText('t')
          .insert(0, 'The council passed the budget on Monday night after a long debate. '.repeat(5));
      }
    }
    await waitFor(
      () => providers.every((p) => p.isSynced && p.unsyncedChanges === 0),
      120_000,
      'all documents synced',
    );
    const openMs = performance.now() - openStarted;
    const cpuOpen = cpuSeconds(pid) - cpuBefore;
    await new Promise((done) => setTimeout(done, 2_000));
    const cpuIdleBefore = cpuSeconds(pid);
    await new Promise((done) => setTimeout(done, 5_000));
    const idleCpu = (cpuSeconds(pid) - cpuIdleBefore) / 5;
    // Read while the documents are still open: once the providers are gone the desk may already be unloading them.
    const rssOpen = rssMb(pid);
    print(
      `1,000 open documents / 100 connections: desk RSS ${rssOpen.toFixed(0)} MB (was ${rssBefore.toFixed(0)} MB), opened and synced in ${openMs.toFixed(0)} ms using ${cpuOpen.toFixed(2)} s CPU; idle afterwards ${(idleCpu * 100).toFixed(1)} % of a core`,
    );
    providers.forEach((p) => p.destroy());
    sockets.forEach((s) => s.destroy());
    return {
      latencies: samples,
      mergeMs,
      documents: names.length,
      rssBeforeMb: rssBefore,
      rssAfterMb: rssOpen,
      openMs,
      openCpuSeconds: cpuOpen,
      idleCpuShare: idleCpu,
    };
  } finally {
    await desk.stop();
    removeDir(desk.dataDir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await measureDesk(console.log);
