import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../support/freePort';

/**
 * A real WordPress (Debian's `wordpress` package) on 127.0.0.1, with its own MariaDB, temp dir and
 * `/etc/wordpress/config-copydesk-<port>.php`, so several peers can run at once.
 *
 * REST convention: `restBase` is `${url}/?rest_route=`, which works without pretty permalinks; append
 * the route (`${restBase}/wp/v2/posts`) and put further query parameters after `&`, not `?`
 * (or use `restUrl()`). With `prettyPermalinks`, `${url}/wp-json/...` works too.
 */
export interface WordPressPeer {
  url: string;
  restBase: string;
  user: string;
  appPassword: string;
  /** The per-start temp dir: MariaDB datadir, wp-content (uploads), php.log, mariadb.err. */
  dir: string;
  /** This peer's `/etc/wordpress/config-copydesk-<port>.php`, picked via Debian's WORDPRESS_CONFIG. */
  configFile: string;
  /** Milliseconds `startWordPress()` took. */
  startMs: number;
  /** `restUrl('/wp/v2/posts', { context: 'edit' })` → `${restBase}/wp/v2/posts&context=edit`. */
  restUrl(route: string, query?: Record<string, string>): string;
  /** Kills MariaDB and PHP, removes the temp dir and the config file. */
  stop(): Promise<void>;
  /** Stops the PHP web server only (the site goes down; connections are refused). */
  pause(): Promise<void>;
  /** Starts the web server again on the same port and waits until it answers. */
  resume(): Promise<void>;
  /**
   * Runs PHP statements (no `<?php` needed) after `wp-load.php` and the admin includes, as the
   * `editor` user; resolves with stdout, rejects on a non-zero exit.
   */
  runPhp(code: string): Promise<string>;
}

export interface StartWordPressOptions {
  /** Parent of the per-start temp dir (default: the OS temp dir). */
  dir?: string;
  /** HTTP port (default: a free one). */
  port?: number;
  /** Use `/%postname%/` permalinks so `/wp-json/...` routes work as well. */
  prettyPermalinks?: boolean;
}

const WP_ROOT = '/usr/share/wordpress';
const CONFIG_DIR = '/etc/wordpress';
const DEBIAN_CONTENT = '/var/lib/wordpress/wp-content';
const MARKER = 'copydesk-test-peer';
const SITE_TITLE = 'Copydesk Test Site';
const ADMIN_USER = 'editor';
const PHP_EXTENSIONS = ['mysqli', 'mbstring', 'xml', 'curl'];
const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

interface Binaries {
  mariadbd: string;
  installDb: string;
  php: string;
}

let availability: { ok: true; bins: Binaries } | { ok: false; reason: string } | undefined;

function findBinary(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...SBIN_DIRS].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}

function checkAvailability(): { ok: true; bins: Binaries } | { ok: false; reason: string } {
  if (process.platform !== 'linux') return { ok: false, reason: `needs Linux, this is ${process.platform}` };
  const mariadbd = findBinary('mariadbd');
  const installDb = findBinary('mariadb-install-db');
  const php = findBinary('php8.2') ?? findBinary('php');
  const missing: string[] = [];
  if (!mariadbd) missing.push('mariadbd');
  if (!installDb) missing.push('mariadb-install-db');
  if (!php) missing.push('php');
  const wpConfig = join(WP_ROOT, 'wp-config.php');
  if (!existsSync(join(WP_ROOT, 'wp-load.php')) || !existsSync(wpConfig)) missing.push(WP_ROOT);
  else if (!readFileSync(wpConfig, 'utf8').includes('WORDPRESS_CONFIG')) {
    missing.push(`Debian's ${wpConfig}`);
  }
  if (php) {
    const probe = spawnSync(
      php,
      ['-r', `foreach (${JSON.stringify(PHP_EXTENSIONS)} as $e) if (!extension_loaded($e)) echo "php-$e ";`],
      { encoding: 'utf8', timeout: 10_000 },
    );
    missing.push(...probe.stdout.trim().split(/\s+/).filter(Boolean));
  }
  if (missing.length > 0) {
    return { ok: false, reason: `missing ${missing.join(', ')} (run .ci/install-peers.sh as root)` };
  }
  try {
    accessSync(CONFIG_DIR, constants.W_OK);
  } catch {
    return { ok: false, reason: `${CONFIG_DIR} is not writable (run as root)` };
  }
  return { ok: true, bins: { mariadbd: mariadbd!, installDb: installDb!, php: php! } };
}

function available(): { ok: true; bins: Binaries } | { ok: false; reason: string } {
  availability ??= checkAvailability();
  return availability;
}

export function wordpressAvailable(): { ok: true } | { ok: false; reason: string } {
  const result = available();
  return result.ok ? { ok: true } : result;
}

/**
 * For test files: true when the WordPress peer can run. Otherwise prints "skipped: <reason>" and
 * returns false, except in CI (`CI=true`) where it throws so the suite fails instead of skipping.
 */
export function requireWordPress(): boolean {
  const result = wordpressAvailable();
  if (result.ok) return true;
  if (process.env.CI === 'true') throw new Error(`WordPress peer is required in CI: ${result.reason}`);
  console.warn(`skipped: WordPress peer unavailable: ${result.reason}`);
  return false;
}

interface Cleanup {
  groups: Set<number>;
  configPath: string;
  token: string;
  dir: string;
}

const live = new Set<Cleanup>();
let exitHookInstalled = false;

function removeConfigIfOurs(path: string, token: string): void {
  try {
    if (readFileSync(path, 'utf8').includes(token)) unlinkSync(path);
  } catch {
    return;
  }
}

function cleanupNow(state: Cleanup): void {
  for (const pgid of state.groups) killGroup(pgid);
  removeConfigIfOurs(state.configPath, state.token);
  try {
    rmSync(state.dir, { recursive: true, force: true });
  } catch {
    return;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const state of live) cleanupNow(state);
  });
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    return;
  }
}

// Survives SIGINT/SIGKILL of the test process: it holds our stdin pipe and cleans up when it closes.
const WATCHDOG = `
const [dir, config, token] = process.argv.slice(1);
const fs = require('node:fs');
const groups = new Set();
let buf = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buf += chunk;
  let i;
  while ((i = buf.indexOf('\\n')) >= 0) {
    const [op, pid] = buf.slice(0, i).split(' ');
    buf = buf.slice(i + 1);
    if (op === 'add') groups.add(Number(pid));
    else groups.delete(Number(pid));
  }
});
const done = () => {
  for (const g of groups) { try { process.kill(-g, 'SIGKILL'); } catch {} }
  setTimeout(() => {
    try { if (fs.readFileSync(config, 'utf8').includes(token)) fs.unlinkSync(config); } catch {}
    try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }); } catch {}
    process.exit(0);
  }, groups.size > 0 ? 500 : 0);
};
process.stdin.on('end', done);
process.stdin.on('error', done);
`;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function configPathFor(port: number): string {
  return join(CONFIG_DIR, `config-copydesk-${port}.php`);
}

function configState(path: string): 'free' | 'stale' | 'taken' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 'free';
  }
  const match = new RegExp(`${MARKER} \\S+ pid=(\\d+)`).exec(text);
  if (!match) return 'taken';
  const pid = Number(match[1]);
  return pid !== process.pid && pidAlive(pid) ? 'taken' : 'stale';
}

async function pickHttpPort(requested: number | undefined): Promise<number> {
  if (requested !== undefined) {
    if (configState(configPathFor(requested)) === 'taken') {
      throw new Error(`${configPathFor(requested)} belongs to someone else; choose another port`);
    }
    return requested;
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freePort();
    if (configState(configPathFor(port)) !== 'taken') return port;
  }
  throw new Error('could not find a free port without a foreign WordPress config');
}

function tail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Killed grandchildren (e.g. install-db's bootstrap mariadbd) stay zombies until init reaps them.
function groupAlive(pgid: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

async function groupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 100 && groupAlive(pgid); i++) await sleep(20);
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.ref();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function tcpReady(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const phpString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export async function startWordPress(options: StartWordPressOptions = {}): Promise<WordPressPeer> {
  const started = performance.now();
  const check = available();
  if (!check.ok) throw new Error(`WordPress peer unavailable: ${check.reason}`);
  const bins = check.bins;
  const isRoot = process.getuid?.() === 0;

  const port = await pickHttpPort(options.port);
  const dbPort = await freePort();
  const dir = mkdtempSync(join(options.dir ?? tmpdir(), 'copydesk-wp-'));
  const socketPath = join(dir, 'mysqld.sock');
  if (Buffer.byteLength(socketPath) > 100) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`temp dir path too long for a unix socket: ${socketPath}`);
  }
  const url = `http://127.0.0.1:${port}`;
  const configName = `copydesk-${port}`;
  const configPath = configPathFor(port);
  const token = randomBytes(8).toString('hex');
  const dbPassword = randomBytes(12).toString('hex');
  const contentDir = join(dir, 'wp-content');
  const state: Cleanup = { groups: new Set(), configPath, token, dir };
  live.add(state);
  installExitHook();

  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, dir, configPath, token], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void }).unref?.();
  watchdog.stdin?.on('error', () => undefined);
  const track = (op: 'add' | 'del', pid: number): void => {
    if (op === 'add') state.groups.add(pid);
    else state.groups.delete(pid);
    if (watchdog.stdin?.writable) watchdog.stdin.write(`${op} ${pid}\n`);
  };

  let mariadb: ChildProcess | undefined;
  let web: ChildProcess | undefined;
  let stopped = false;

  const run = (
    command: string,
    args: string[],
    timeoutMs: number,
  ): Promise<{ stdout: string; stderr: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      if (child.pid) track('add', child.pid);
      const timer = setTimeout(() => child.pid && killGroup(child.pid), timeoutMs);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.once('error', reject);
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        if (child.pid) track('del', child.pid);
        if (code === 0) resolve({ stdout, stderr });
        else {
          const detail = `${stderr}\n${stdout}`.trim().slice(-4000);
          reject(new Error(`${command} ${args.at(-1) ?? ''} exited with ${code ?? signal}: ${detail}`));
        }
      });
    });

  const stopChild = async (child: ChildProcess | undefined): Promise<void> => {
    if (!child?.pid) return;
    killGroup(child.pid);
    await waitExit(child);
    await groupGone(child.pid);
    track('del', child.pid);
  };

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopChild(web);
    await stopChild(mariadb);
    removeConfigIfOurs(configPath, token);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    live.delete(state);
    watchdog.stdin?.end();
    await waitExit(watchdog);
  };

  try {
    writeFileSync(
      join(dir, 'init.sql'),
      [
        'FLUSH PRIVILEGES;',
        'CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
        `CREATE USER 'copydesk'@'127.0.0.1' IDENTIFIED BY '${dbPassword}';`,
        `GRANT ALL PRIVILEGES ON wordpress.* TO 'copydesk'@'127.0.0.1';`,
        '',
      ].join('\n'),
    );
    const dbArgs = [
      '--no-defaults',
      ...(isRoot ? ['--user=root'] : []),
      `--datadir=${join(dir, 'data')}`,
      '--innodb-log-file-size=8M',
      '--innodb-buffer-pool-size=32M',
      '--innodb-use-native-aio=0',
    ];
    await run(
      bins.installDb,
      [
        ...dbArgs,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        '--skip-name-resolve',
        `--tmpdir=${dir}`,
        `--extra-file=${join(dir, 'init.sql')}`,
      ],
      60_000,
    );

    const mariadbLog = join(dir, 'mariadb.err');
    mariadb = spawn(
      bins.mariadbd,
      [
        ...dbArgs,
        `--socket=${socketPath}`,
        `--pid-file=${join(dir, 'mariadb.pid')}`,
        `--log-error=${mariadbLog}`,
        `--tmpdir=${dir}`,
        '--bind-address=127.0.0.1',
        `--port=${dbPort}`,
        '--skip-name-resolve',
        '--innodb-flush-log-at-trx-commit=0',
        '--innodb-doublewrite=0',
      ],
      { detached: true, stdio: 'ignore' },
    );
    mariadb.unref();
    if (mariadb.pid) track('add', mariadb.pid);
    const dbStarted = Date.now();
    while (!(await tcpReady(dbPort))) {
      if (mariadb.exitCode !== null || mariadb.signalCode !== null) {
        throw new Error(`mariadbd exited during startup:\n${tail(mariadbLog)}`);
      }
      if (Date.now() - dbStarted > 30_000) throw new Error(`mariadbd did not start:\n${tail(mariadbLog)}`);
      await sleep(50);
    }

    mkdirSync(join(contentDir, 'uploads'), { recursive: true });
    for (const sub of ['plugins', 'themes', 'languages']) {
      if (existsSync(join(DEBIAN_CONTENT, sub)))
        symlinkSync(join(DEBIAN_CONTENT, sub), join(contentDir, sub));
    }

    const salts = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE']
      .flatMap((name) => [`${name}_KEY`, `${name}_SALT`])
      .map((key) => `define('${key}', '${randomBytes(24).toString('hex')}');`)
      .join('\n');
    if (configState(configPath) === 'taken') throw new Error(`${configPath} appeared and is not ours`);
    writeFileSync(
      configPath,
      `<?php
// ${MARKER} ${token} pid=${process.pid} dir=${dir}
// Written by Copydesk's tests/peers/wordpress.ts; removed when that peer stops.
define('DB_NAME', 'wordpress');
define('DB_USER', 'copydesk');
define('DB_PASSWORD', ${phpString(dbPassword)});
define('DB_HOST', '127.0.0.1:${dbPort}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', ${phpString(url)});
define('WP_SITEURL', ${phpString(url)});
define('WP_CONTENT_DIR', ${phpString(contentDir)});
define('WP_CONTENT_URL', ${phpString(`${url}/wp-content`)});
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', false);
define('FS_METHOD', 'direct');
${salts}
`,
      { mode: 0o600 },
    );

    const cliServer = [
      `$_SERVER['WORDPRESS_CONFIG'] = '${configName}';`,
      `$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';`,
      `$_SERVER['SERVER_NAME'] = '127.0.0.1';`,
      `$_SERVER['SERVER_PORT'] = '${port}';`,
      `$_SERVER['REQUEST_URI'] = '/';`,
      `$_SERVER['REQUEST_METHOD'] = 'GET';`,
      `$_SERVER['REMOTE_ADDR'] = '127.0.0.1';`,
      `$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';`,
    ].join('\n');
    const phpArgs = ['-d', 'display_errors=stderr', '-d', 'log_errors=0', '-d', 'memory_limit=512M'];

    writeFileSync(
      join(dir, 'install.php'),
      `<?php
${cliServer}
define('WP_INSTALLING', true);
require ${phpString(join(WP_ROOT, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter('pre_http_request', fn () => new WP_Error('offline', 'no HTTP during install'));
add_filter('pre_wp_mail', '__return_false');
$result = wp_install(${phpString(SITE_TITLE)}, ${phpString(ADMIN_USER)}, 'editor@copydesk.test', false, '', wp_generate_password(24, false));
if (is_wp_error($result)) { fwrite(STDERR, $result->get_error_message()); exit(1); }
update_option('permalink_structure', ${phpString(options.prettyPermalinks ? '/%postname%/' : '')});
flush_rewrite_rules(false);
$app = WP_Application_Passwords::create_new_application_password($result['user_id'], ['name' => 'copydesk-tests']);
if (is_wp_error($app)) { fwrite(STDERR, $app->get_error_message()); exit(1); }
echo "\\n@@result@@", json_encode(['userId' => $result['user_id'], 'appPassword' => $app[0]]);
`,
    );
    const installed = await run(bins.php, [...phpArgs, join(dir, 'install.php')], 60_000);
    const resultLine = installed.stdout.split('@@result@@')[1];
    if (!resultLine) throw new Error(`wp_install printed no result: ${installed.stdout} ${installed.stderr}`);
    const { userId, appPassword } = JSON.parse(resultLine) as { userId: number; appPassword: string };

    writeFileSync(
      join(dir, 'router.php'),
      `<?php
$_SERVER['WORDPRESS_CONFIG'] = '${configName}';
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?: '/');
if (str_starts_with($path, '/wp-content/')) {
    $file = ${phpString(contentDir)} . substr($path, strlen('/wp-content'));
    if (str_contains($path, '..') || !is_file($file) || str_ends_with($file, '.php')) {
        http_response_code(404);
        return true;
    }
    header('Content-Type: ' . (mime_content_type($file) ?: 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}
$file = ${phpString(WP_ROOT)} . $path;
if ($path === '/' || is_file($file) || is_file(rtrim($file, '/') . '/index.php')) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = ${phpString(join(WP_ROOT, 'index.php'))};
chdir(${phpString(WP_ROOT)});
require ${phpString(join(WP_ROOT, 'index.php'))};
`,
    );

    const webLog = join(dir, 'php.log');
    const startWeb = async (): Promise<void> => {
      const logFd = openSync(webLog, 'a');
      const child = spawn(
        bins.php,
        [
          '-d',
          'display_errors=0',
          '-d',
          'log_errors=1',
          '-d',
          'upload_max_filesize=64M',
          '-d',
          'post_max_size=64M',
          '-d',
          'memory_limit=512M',
          '-S',
          `127.0.0.1:${port}`,
          '-t',
          WP_ROOT,
          join(dir, 'router.php'),
        ],
        {
          detached: true,
          stdio: ['ignore', logFd, logFd],
        },
      );
      closeSync(logFd);
      child.unref();
      web = child;
      if (child.pid) track('add', child.pid);
      const begun = Date.now();
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`php -S exited during startup:\n${tail(webLog)}`);
        }
        try {
          const response = await fetch(`${url}/?rest_route=/`, { signal: AbortSignal.timeout(5_000) });
          const body = (await response.json()) as { namespaces?: unknown };
          if (response.ok && Array.isArray(body.namespaces)) return;
        } catch {
          // not listening yet
        }
        if (Date.now() - begun > 30_000) throw new Error(`php -S did not answer:\n${tail(webLog)}`);
        await sleep(50);
      }
    };
    await startWeb();

    let runCount = 0;
    const restBase = `${url}/?rest_route=`;
    return {
      url,
      restBase,
      user: ADMIN_USER,
      appPassword,
      dir,
      configFile: configPath,
      startMs: Math.round(performance.now() - started),
      restUrl(route, query = {}) {
        const params = new URLSearchParams(query).toString();
        return `${restBase}${route}${params ? `&${params}` : ''}`;
      },
      stop,
      async pause() {
        if (stopped) throw new Error('WordPress peer is stopped');
        const current = web;
        web = undefined;
        await stopChild(current);
      },
      async resume() {
        if (stopped) throw new Error('WordPress peer is stopped');
        if (!web) await startWeb();
      },
      async runPhp(code) {
        if (stopped) throw new Error('WordPress peer is stopped');
        const file = join(dir, `run-${++runCount}.php`);
        writeFileSync(
          file,
          `<?php
${cliServer}
require ${phpString(join(WP_ROOT, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/admin.php';
wp_set_current_user(${userId});
${code.replace(/^\s*<\?php/, '')}
`,
        );
        try {
          return (await run(bins.php, [...phpArgs, file], 60_000)).stdout;
        } finally {
          rmSync(file, { force: true });
        }
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
