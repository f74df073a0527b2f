import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import { median, percentile, round, type Measurement } from '../measurement';
import { measureDesk } from '../../desk/measureDesk';

/** The loopback floor: a bare `ws` server relaying one small message from one client to the other. */
async function relayLatencies(count: number): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((done) => server.once('listening', done));
  const clients = new Set<WebSocket>();
  server.on('connection', (socket) => {
    clients.add(socket);
    socket.on('message', (data) => clients.forEach((c) => c !== socket && c.send(data)));
  });
  const url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
  const open = (socket: WebSocket) => new Promise((done) => socket.once('open', done));
  const a = new WebSocket(url);
  const b = new WebSocket(url);
  await Promise.all([open(a), open(b)]);
  while (clients.size < 2) await new Promise((done) => setTimeout(done, 5));
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const seen = new Promise((done) => b.once('message', done));
    const started = performance.now();
    a.send(`x${i}`);
    await seen;
    samples.push(performance.now() - started);
  }
  a.close();
  b.close();
  await new Promise((done) => server.close(done));
  return samples;
}

/** tests/desk/measureDesk.ts (a desk process on loopback) in the bench's terms, beside a bare relay. */
export async function deskBench(): Promise<Measurement[]> {
  const desk = await measureDesk((line) => console.error(`desk: ${line}`));
  const relay = await relayLatencies(desk.latencies.length);
  const relayName = 'bare ws relay between two clients';
  return [
    {
      section: 'desk',
      name: 'edit → other client, p50',
      unit: 'ms',
      value: round(median(desk.latencies)),
      reference: { name: relayName, value: round(median(relay), 3) },
      goal: null,
      detail: { edits: desk.latencies.length },
    },
    {
      section: 'desk',
      name: 'edit → other client, p95',
      unit: 'ms',
      value: round(percentile(desk.latencies, 0.95)),
      reference: { name: relayName, value: round(percentile(relay, 0.95), 3) },
      goal: { max: 100 },
      detail: { edits: desk.latencies.length },
    },
    {
      section: 'desk',
      name: 'merge after 1,000 offline edits (reconnect → other client has them)',
      unit: 'ms',
      value: round(desk.mergeMs, 0),
      reference: null,
      goal: null,
    },
    {
      section: 'desk',
      name: `desk memory per 1,000 open documents (${desk.documents} over 100 connections)`,
      unit: 'MB',
      value: round(((desk.rssAfterMb - desk.rssBeforeMb) * 1000) / desk.documents, 1),
      reference: { name: 'desk RSS before opening them', value: round(desk.rssBeforeMb, 1) },
      goal: null,
      detail: {
        rssAfterMb: round(desk.rssAfterMb, 1),
        openMs: round(desk.openMs, 0),
        openCpuSeconds: round(desk.openCpuSeconds, 2),
        idleCpuPercent: round(desk.idleCpuShare * 100, 1),
      },
    },
  ];
}
