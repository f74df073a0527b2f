import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Machine } from './machine';
import { goalLabel, goalMet, ratioOf, type Measurement } from './measurement';
import type { ProfileSummary } from './typing/cpuProfile';

export type TypingProfile = ProfileSummary & { editor: string; words: number; keys: number };

const cell = (value: number, unit: string) => `${value} ${unit}`;

function row(m: Measurement): string {
  const ratio = ratioOf(m);
  const met = goalMet(m);
  const extra = m.detail
    ? Object.entries(m.detail)
        .map(([key, value]) => `${key} ${value}`)
        .join(', ')
    : '';
  return [
    m.section,
    m.name,
    cell(m.value, m.unit),
    m.reference ? `${cell(m.reference.value, m.unit)} (${m.reference.name})` : '—',
    ratio === null ? '—' : `${ratio.toFixed(2)}×`,
    goalLabel(m),
    met === null ? '—' : met ? 'yes' : '**no**',
    extra,
  ].join(' | ');
}

/**
 * Copydesk's JavaScript samples inside the key events, by module. Bare TipTap is left out: the browser's own
 * insertion does its work in native code, which the sampler does not attribute (compare the layout row instead).
 */
function profileSection(profiles: readonly TypingProfile[]): string {
  const ours = profiles.filter((p) => p.editor !== 'bare TipTap');
  if (!ours.length) return '';
  const perKey = (p: TypingProfile, ms: number) => (ms / p.keys).toFixed(3);
  const blocks = ours.map((p) => {
    const rows = p.selfByModule
      .slice(0, 8)
      .map(([module, ms]) => `| ${module} | ${perKey(p, ms)} ms | ${Math.round((ms / p.totalMs) * 100)}% |`);
    return `### ${p.editor}, ${p.words.toLocaleString('en')} words: ${perKey(p, p.totalMs)} ms of JavaScript per key

| where (self time; "(collapse)" is the DOM selection write and the layout it forces) | per key | share |
| --- | --- | --- |
${rows.join('\n')}`;
  });
  return `\n## Where a keystroke's time goes\n\nCPU samples inside the key events' dispatch (the keystroke metric's spans), by module.\n\n${blocks.join('\n\n')}\n`;
}

/** docs/PERFORMANCE.md from one run: the table, the machine, and how to run it again (formatted as `npm run lint` checks it). */
export async function writePerformanceDoc(
  path: string,
  results: readonly Measurement[],
  machine: Machine,
  run: { sections: readonly string[]; failed: readonly string[]; profiles: readonly TypingProfile[] },
): Promise<void> {
  const notes = [...run.failed.map((note) => `- **Failed**: ${note}`)].join('\n');
  const text = `# Performance

Written by \`npm run bench\` (tests/bench/run.ts) on ${machine.date}; do not edit by hand.
Every value is measured beside its reference **in the same run** on a shared, noisy machine:
compare the ratios, not the absolute times. Values are medians over repeated rounds.

| section | measurement | value | reference (same run) | ratio | goal | met? | detail |
| --- | --- | --- | --- | --- | --- | --- | --- |
${results.map((m) => `| ${row(m)} |`).join('\n')}

## Machine

- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memoryGb} GiB
- Node ${machine.node}; ${machine.chromium}
- Load average at the start: ${machine.loadAverage}
- Sections run: ${run.sections.join(', ')}
${notes}
${profileSection(run.profiles)}
## How to reproduce

\`\`\`sh
npm run bench                               # everything (builds first if stale), rewrites this file
BENCH_SECTIONS=typing BENCH_SIZES=10000 BENCH_ROUNDS=1 npm run bench   # a short run
BENCH_PROFILE=1 BENCH_SECTIONS=typing BENCH_WRITE=0 npm run bench       # plus a CPU profile of typing (stderr)
\`\`\`

Sections: \`typing\` (Gutenberg's keystroke metric — Chrome trace \`EventDispatch\` of keydown + keypress +
keyup per character, 200 characters after a warm-up —, keydown → the end of the next frame's paint in the same
trace, and the renderer heap after GC,
Copydesk through the browser host against bare TipTap 3 + StarterKit, and bare TipTap put in place of
Copydesk's editor in the app's page, which splits a gap into the page around the editor and the editor itself), \`collab\` (the same metrics on a
10,000-word desk story with another person on it, against the same editor in solo mode), \`start\` (process start → caret in
the body and a keystroke accepted), \`save\` (the core's \`stories:save\` of a 10,000-word story on a real
SQLite file, and typing with autosave on against off), \`publish\` (a real local WordPress: Copydesk's
publish against a plain REST POST of the same HTML), \`desk\` (two clients on loopback through a desk
process), \`search\` (the 100,000-story archive), \`micro\` (the vitest micro-benchmarks, printed only).
Variables: \`BENCH_SECTIONS\`, \`BENCH_SIZES\` (words), \`BENCH_ROUNDS\`, \`BENCH_KEYS\`, \`BENCH_PROFILE=1\`,
\`BENCH_WRITE=0\`.
`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await format(text, { ...(await resolveConfig(path)), filepath: path }));
}
