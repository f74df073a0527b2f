import { SingleBar } from 'cli-progress';

/** A long job's progress on stderr: a bar with counts, rate and time left on a terminal, plain lines otherwise. */
export interface Progress {
  /** `done` of `total` units (bytes of a file, stories…); `items` is what the line counts (stories). */
  update(done: number, items: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 2000;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** `unit` is what `total` counts; `itemName` what the rate is in ("stories"). */
export function startProgress(options: {
  label: string;
  total: number;
  itemName: string;
  stream?: NodeJS.WriteStream;
  quiet?: boolean;
}): Progress {
  const stream = options.stream ?? process.stderr;
  const started = Date.now();
  if (options.quiet) return { update: () => {}, stop: () => {} };
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format:
          options.total > 0
            ? `${options.label} [{bar}] {percentage}% | {items} ${options.itemName} | {rate}/s | ETA {eta_formatted}`
            : `${options.label} {items} ${options.itemName} | {rate}/s`,
        stream,
        etaBuffer: 50,
        hideCursor: true,
      },
      undefined,
    );
    bar.start(options.total, 0, { items: 0, rate: '0' });
    return {
      update(done, items) {
        const seconds = (Date.now() - started) / 1000;
        bar.update(done, { items, rate: seconds > 0 ? Math.round(items / seconds) : 0 });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = started;
  let last = { done: 0, items: 0 };
  const line = (final: boolean) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const fraction = options.total > 0 ? last.done / options.total : NaN;
    const rate = last.items / seconds;
    const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : NaN;
    const share = Number.isFinite(fraction) ? `, ${Math.round(fraction * 100)}%` : '';
    const left = Number.isFinite(eta) ? `, ${formatDuration(eta)} left` : '';
    stream.write(
      `${options.label}: ${last.items} ${options.itemName}${share}, ${rate.toFixed(0)}/s` +
        (final ? `, done in ${formatDuration(seconds)}\n` : `${left}\n`),
    );
  };
  return {
    update(done, items) {
      last = { done, items };
      if (Date.now() - lastLine >= PLAIN_EVERY_MS) {
        lastLine = Date.now();
        line(false);
      }
    },
    stop: () => line(true),
  };
}
