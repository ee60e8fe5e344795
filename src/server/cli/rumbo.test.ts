import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exampleCopy, tempRoot } from '../features/hsds/import/import-fixtures.test-support.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'rumbo-cli-'));
const rumbo = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/rumbo.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });

// Each case starts real processes (and an embedded database); on a busy 2-core machine that takes a while.
describe('rumbo CLI', { timeout: 60_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints help', () => {
    const result = rumbo('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('seed demo');
  });

  it('refuses unknown commands and options with exit code 2 and a hint', () => {
    for (const args of [['frobnicate'], ['seed', 'everything'], ['migrate', '--force']]) {
      const result = rumbo(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--help/);
    }
  });

  it('refuses a bad configuration with a message naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/rumbo.ts', 'migrate'], {
      env: { ...process.env, DATABASE_URL: 'mysql://nope' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL');
  });

  it('migrates, then seeds the demo directory once', () => {
    expect(rumbo('migrate').stdout).toContain('Applied migrations: 0001, 0002');
    expect(rumbo('migrate').stdout).toContain('up to date');
    expect(rumbo('seed', 'demo').stdout).toMatch(/Loaded demo directory: \d+ organizations, \d+ services/);
    expect(rumbo('seed', 'demo').stdout).toContain('already has services');
  }, 180_000);

  it('imports HSDS open data into the moderation queue, or live with --verified, as its help says', async () => {
    const help = rumbo('--help').stdout;
    expect(help).toContain('import hsds <dir|zip|json> [--dry-run] [--verified]');
    expect(help).toContain('pending submission');
    expect(help).toMatch(/--verified\s+\(import hsds\) Publish imported listings at once/);
    const root = await tempRoot();
    try {
      const dir = await exampleCopy(root);
      const queued = rumbo('import', 'hsds', dir);
      expect(queued.status).toBe(0);
      expect(queued.stdout).toContain('awaiting moderation');
      expect(queued.stdout).toContain('Nothing went live');
      const live = rumbo('import', 'hsds', dir, '--verified');
      expect(live.status).toBe(0);
      expect(live.stdout).toContain('Imported listings are live and marked verified');
      expect(rumbo('migrate', '--verified').status).toBe(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);
});
