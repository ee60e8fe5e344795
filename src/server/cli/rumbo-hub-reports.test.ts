import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDemoDirectory } from '../features/demo/demo-directory.js';
import { SEED_PLACES } from '../features/demo/demo-organizations.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'rumbo-cli-hub-'));
const rumbo = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/rumbo.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
const file = (name: string, content: string) => {
  const target = path.join(dataDir, name);
  writeFileSync(target, content);
  return target;
};

/** The demo's Puebla hub, as DHIS2 names it here: HUB-<location id>. */
function pueblaHub(): string {
  const directory = buildDemoDirectory();
  const organization = directory.organizations.find((o) => o.name === SEED_PLACES[0]!.name)!;
  return `HUB-${directory.locations.find((l) => l.organization_id === organization.id)!.id}`;
}

const january = (orgUnit: string, total: number) =>
  JSON.stringify({
    dataValues: [
      { dataElement: 'PEOPLE_ASSISTED', period: '202201', orgUnit, value: String(total) },
      {
        dataElement: 'PEOPLE_ASSISTED_BY_SEX',
        period: '202201',
        orgUnit,
        categoryOptionCombo: 'FEMALE',
        value: String(total),
      },
      {
        dataElement: 'PEOPLE_ASSISTED_BY_AGE',
        period: '202201',
        orgUnit,
        categoryOptionCombo: 'AGE_18_59',
        value: String(total),
      },
    ],
  });

// Each case starts real processes (and an embedded database); on a busy 2-core machine that takes a while.
describe('rumbo import hub-reports', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is in the help, and refuses bad options with exit code 2', () => {
    expect(rumbo('--help').stdout).toContain('import hub-reports <file> [--dry-run] [--status approved|submitted]');
    for (const args of [
      ['import', 'hub-reports', 'x.json', '--status', 'draft'],
      ['import', 'hub-reports'],
      ['import', 'hsds', 'x', '--status', 'approved'],
      ['migrate', '--dry-run'],
    ]) {
      const result = rumbo(...args);
      expect(result.status, args.join(' ')).toBe(2);
    }
  });

  it('reports rejected values and a missing file with exit code 1, writing nothing', () => {
    expect(rumbo('import', 'hub-reports', path.join(dataDir, 'missing.json')).status).toBe(1);
    const result = rumbo('import', 'hub-reports', file('unknown.json', january('OuNope12345', 10)));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Nothing was written: some values were rejected.');
    expect(result.stdout).toContain('0 created · 0 updated · 0 unchanged · 3 rejected');
    expect(result.stdout).toMatch(/Line 1: Unknown hub — PEOPLE_ASSISTED · 202201 · OuNope12345/);
  });

  it('checks with --dry-run, imports, and then finds nothing to write', () => {
    expect(rumbo('seed', 'demo').status).toBe(0);
    const values = file('puebla.json', january(pueblaHub(), 321));
    const dry = rumbo('import', 'hub-reports', values, '--dry-run', '--status', 'submitted');
    expect([dry.status, dry.stdout]).toEqual([0, expect.stringContaining('Dry run: nothing was written.')]);
    expect(dry.stdout).toContain('Format read: DHIS2 dataValueSets JSON');
    expect(dry.stdout).toContain('3 created');
    const real = rumbo('import', 'hub-reports', values, '--status', 'submitted');
    expect([real.status, real.stdout]).toEqual([0, expect.stringContaining('Imported:')]);
    expect(real.stdout).toContain('Reports (hub and month): 1 new, 0 changed.');
    expect(rumbo('import', 'hub-reports', values).stdout).toContain('Nothing to write');
  });
});
