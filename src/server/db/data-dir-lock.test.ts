import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

describe('data directory lock', () => {
  it('lets one holder at a time, and again after release', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rumbo-lock-'));
    const release = await lockDataDir(dir, () => undefined);
    await expect(lockDataDir(dir, () => undefined)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
    const again = await lockDataDir(dir, () => undefined);
    await again();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes a second process on the same DATA_DIR refuse to start with a clear message', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rumbo-lock-'));
    const release = await lockDataDir(dir, () => undefined);
    try {
      const { code, stderr } = await runCli(['migrate'], { DATA_DIR: dir });
      expect(code).toBe(2);
      expect(stderr).toContain('is in use by another Rumbo process');
    } finally {
      await release();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/rumbo.ts', ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
