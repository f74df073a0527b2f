import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError } from './cliError';
import { openCliCore } from './openCliCore';
import { printData } from './output';
import { resolveStory } from './resolveStory';

export interface PublishOptions {
  data?: string;
  target?: string;
  timeout: string;
  json?: boolean;
}

/**
 * `copydesk publish <id|slug>`: queues the job in the same outbox as the Publish button, sends it,
 * and waits (retries included) until the site answers: prints the URL, or fails with the site's message.
 */
export async function publishCommand(which: string, options: PublishOptions): Promise<void> {
  const timeoutMs = Number(options.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new CliError('--timeout must be a number of seconds', 2);
  const cli = openCliCore(options.data, { writes: true, command: 'publish' });
  try {
    const story = await resolveStory(cli, which);
    let targetId: string | undefined;
    if (options.target) {
      const targets = await cli.call('targets:list', {});
      const target = targets.find((t) => t.id === options.target || t.name === options.target);
      if (!target)
        throw new CliError(
          `No publish target called "${options.target}". Targets: ${targets.map((t) => t.name).join(', ')}`,
        );
      targetId = target.id;
    }
    const queued = await cli.call('publish:start', { storyId: story.id, ...(targetId ? { targetId } : {}) });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await cli.core.publishing.runDue();
      const { jobs } = await cli.call('publish:status', { storyId: story.id });
      const job = jobs.find((candidate) => candidate.id === queued.id);
      if (!job) throw new CliError('The publish job disappeared from the outbox.');
      if (job.state === 'done') {
        // The static site without a public address answers with a path inside its folder.
        const url =
          job.resultUrl && !/^[a-z][a-z0-9+.-]*:/i.test(job.resultUrl)
            ? join(cli.core.publishing.siteFolder(), job.resultUrl)
            : job.resultUrl;
        printData(Boolean(options.json), { ...job, resultUrl: url }, () => url ?? 'Published.');
        return;
      }
      if (job.state === 'failed' || job.state === 'paused')
        throw new CliError(`Publishing "${story.headline}" failed: ${job.lastError ?? job.state}`);
      if (Date.now() > deadline)
        throw new CliError(
          `Still not published after ${options.timeout} s (${job.lastError ?? job.state}); the job stays in the outbox and the app will retry it.`,
        );
      const wait = Math.min(
        Math.max(Date.parse(job.nextAttemptAt) - Date.now(), 200),
        deadline - Date.now(),
        5000,
      );
      await sleep(Math.max(wait, 50));
    }
  } finally {
    cli.close();
  }
}
