import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
});
