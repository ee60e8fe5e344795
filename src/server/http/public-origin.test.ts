import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { createTestDb, type TestDb } from '../../../tests/support/test-db.js';

describe('absolute links', () => {
  let testDb: TestDb;
  let configured: FastifyInstance;
  let unconfigured: FastifyInstance;
  beforeAll(async () => {
    testDb = await createTestDb();
    configured = await buildApp({ db: testDb.db, publicUrl: 'https://rumbo.example.org/' });
    unconfigured = await buildApp({ db: testDb.db });
  });
  afterAll(async () => {
    await configured.close();
    await unconfigured.close();
    await testDb.drop();
  });

  it('use PUBLIC_URL when set, in feeds, the sitemap and the HSDS profile link', async () => {
    expect((await configured.inject('/en/news/feed.atom')).body).toContain('https://rumbo.example.org/en/news');
    expect((await configured.inject('/sitemap.xml')).body).toContain('<loc>https://rumbo.example.org/');
    expect((await configured.inject('/hsds')).json().profile).toMatch(/^https:\/\/rumbo\.example\.org\/hsds\/profile/);
  });

  it('otherwise follow the request host, ignoring X-Forwarded-Host without TRUST_PROXY', async () => {
    const res = await unconfigured.inject({
      url: '/hsds',
      headers: { host: 'rumbo.local:3000', 'x-forwarded-host': 'evil.example' },
    });
    expect(res.json().profile).toBe('http://rumbo.local:3000/hsds/profile/');
  });
});
