/** Data on stdout (JSON with `--json`), everything else on stderr. */
export function printData(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

/** Writes to a stream and waits when it asks to drain, so a large export never piles up in memory. */
export function writerTo(stream: NodeJS.WritableStream): (text: string) => Promise<void> {
  return (text) =>
    new Promise((resolve, reject) => {
      const ok = stream.write(text, (error) => (error ? reject(error) : undefined));
      if (ok) resolve();
      else stream.once('drain', resolve);
    });
}
