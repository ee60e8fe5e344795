// The day's limit of confirmations per address holds for posts sent at once: each post that would mail the address
// waits for the others from it and counts what they sent (the check before the transaction alone let all through).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { MAX_SUBMISSIONS_PER_EMAIL_PER_DAY } from './submissions.service.js';
import { draftToken, postForm, rowCounts, validFields } from './submissions.factories.js';

describe('the daily limit per address, for posts sent at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const sentFrom = async (email: string) =>
    Number(
      (
        await t.db.query
          .selectFrom('submissions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('submitter_email', '=', email)
          .where('status', '<>', 'draft')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('sends five of eight whole forms from one address sent at once, and refuses three with the 429 page', async () => {
    const email = 'at-once@example.org';
    const before = await rowCounts(t.db);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        postForm(t.app, '/es/submit', { ...validFields({ submitter_email: email }), action: 'submit' }),
      ),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([303, 303, 303, 303, 303, 429, 429, 429]);
    for (const refused of answers.filter((r) => r.statusCode === 429)) {
      expect(refused.body).toContain('id="error-submitter_email"');
    }
    expect(await sentFrom(email)).toBe(MAX_SUBMISSIONS_PER_EMAIL_PER_DAY);
    const after = await rowCounts(t.db);
    expect(after.mail_outbox - before.mail_outbox).toBe(MAX_SUBMISSIONS_PER_EMAIL_PER_DAY);
  });

  it('sends drafts from one address submitted at once only up to the limit; the others stay drafts', async () => {
    const email = 'drafts-at-once@example.org';
    const urls: string[] = [];
    for (let i = 0; i < 7; i++) {
      const saved = await postForm(t.app, '/es/submit', { ...validFields({ submitter_email: email }), action: 'save' });
      urls.push(`/es/submit/draft/${draftToken(saved)}`);
    }
    const answers = await Promise.all(
      urls.map((url) =>
        postForm(t.app, url, { ...validFields({ submitter_email: email }), action: 'submit' }, { formUrl: url }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([303, 303, 303, 303, 303, 429, 429]);
    expect(await sentFrom(email)).toBe(MAX_SUBMISSIONS_PER_EMAIL_PER_DAY);
  });

  it('lands the same draft sent six times at once with its key where the first went, even as the last one allowed', async () => {
    const email = 'last-one@example.org';
    for (let i = 0; i < MAX_SUBMISSIONS_PER_EMAIL_PER_DAY - 1; i++) {
      await postForm(t.app, '/es/submit', { ...validFields({ submitter_email: email }), action: 'submit' });
    }
    const saved = await postForm(t.app, '/es/submit', { ...validFields({ submitter_email: email }), action: 'save' });
    const url = `/es/submit/draft/${draftToken(saved)}`;
    const fields = { ...validFields({ submitter_email: email }), action: 'submit', client_key: randomUUID() };
    const answers = await Promise.all(Array.from({ length: 6 }, () => postForm(t.app, url, fields, { formUrl: url })));
    expect(answers.map((r) => [r.statusCode, r.headers.location])).toEqual(answers.map(() => [303, url]));
    expect(await sentFrom(email)).toBe(MAX_SUBMISSIONS_PER_EMAIL_PER_DAY);
  });
});
