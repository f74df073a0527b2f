import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preloadBuildOptions } from '../../main/tools/preloadBuild.mjs';
import { tempDir } from '../support/tempDir';

const root = resolve(import.meta.dirname, '..', '..');
let dir: ReturnType<typeof tempDir>;
let source: string;

beforeAll(async () => {
  dir = tempDir();
  await build(preloadBuildOptions(root, dir.path));
  source = readFileSync(join(dir.path, 'preload.cjs'), 'utf8');
});
afterAll(() => dir.remove());

/**
 * Runs the built preload the way Electron runs a sandboxed one: wrapped in a function that gets
 * `require` (only 'electron' resolves, with contextBridge and ipcRenderer), `module`, `exports` and a
 * renderer-shaped `process` without Node; no `__filename`, `__dirname` or Node modules.
 */
function runSandboxed(code: string) {
  const exposed: [string, unknown][] = [];
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: 'answered' };
      },
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} };
  const sandboxProcess = {
    sandboxed: true,
    contextIsolated: true,
    type: 'renderer',
    platform: 'linux',
    versions: { electron: '45.0.0', chrome: '140.0.0.0' },
    env: {},
  };
  const context = createContext({});
  const wrapper = runInContext(`(function (require, module, exports, process) {${code}\n})`, context) as (
    ...args: unknown[]
  ) => void;
  wrapper(sandboxRequire, module, module.exports, sandboxProcess);
  return { exposed, invoked, required, context };
}

describe('the built preload, run as Electron runs a sandboxed preload', () => {
  it('uses no __filename, __dirname or Node module', () => {
    expect(source).not.toMatch(/__filename|__dirname|require\(["']node:|process\.versions\.node/);
    const { required } = runSandboxed(source);
    expect(required).toEqual(['electron']);
  });

  it('exposes window.copydesk with exactly invoke and on', async () => {
    const { exposed, invoked } = runSandboxed(source);
    expect(exposed.map(([key]) => key)).toEqual(['copydesk']);
    const api = exposed[0]![1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
    const invoke = api.invoke as (channel: string, input: unknown) => Promise<unknown>;
    expect(await invoke('app:info', {})).toEqual({ ok: true, value: 'answered' });
    expect(await invoke('shell:exec', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(invoked).toEqual([['app:info', {}]]);
  });

  it('fails loudly when a Node-only line creeps into the bundle (the check has teeth)', () => {
    expect(() => runSandboxed(`require('node:url').pathToFileURL(__filename);\n${source}`)).toThrow();
  });
});
