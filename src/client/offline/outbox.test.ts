// The outbox's logic with an in-memory storage (no fake-indexeddb in this project) and a mocked fetch: what is sent,
// what is refused, what waits, the fresh CSRF token, and two flushes at once never posting the same item twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  flushOutbox,
  listOutbox,
  LOCK_MS,
  OUTBOX_CHANNEL,
  queueForm,
  setOutboxStorage,
  type OutboxItem,
  type OutboxStorage,
} from './outbox.js';

/** An in-memory storage whose update is atomic like an IndexedDB readwrite transaction. */
function memoryStorage(): OutboxStorage & { map: Map<string, OutboxItem> } {
  const map = new Map<string, OutboxItem>();
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    map,
    get: async (key) => copy(map.get(key)),
    set: async (item) => void map.set(item.key, copy(item)),
    update: async (key, change) => {
      const next = change(copy(map.get(key)));
      if (next) map.set(key, copy(next));
      else map.delete(key);
    },
    all: async () => [...map.values()].map(copy),
    del: async (key) => void map.delete(key),
  };
}

function item(key: string, overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    key,
    action: '/es/submit',
    fields: [
      ['_csrf', 'stale-token'],
      ['client_key', key],
      ['organization.name', 'Casa'],
      ['action', 'submit'],
    ],
    label: 'Ficha',
    createdAt: Date.now(),
    status: 'waiting',
    attempts: 0,
    ...overrides,
  };
}

function answer(status: number, url: string, body = ''): Response {
  const response = new Response(body, { status });
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

type Post = { url: string; body: URLSearchParams; init: RequestInit };

describe('the outbox', () => {
  let store: ReturnType<typeof memoryStorage>;
  let posts: Post[];
  let reply: (post: Post) => Response | Promise<Response>;

  beforeEach(() => {
    store = memoryStorage();
    setOutboxStorage(store);
    posts = [];
    reply = () => answer(200, 'http://x/es/submit/draft/abc');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) => {
        if (url === '/api/v1/csrf') return Response.json({ token: 'fresh-token' });
        const post = { url, body: init.body as URLSearchParams, init };
        posts.push(post);
        return reply(post);
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setOutboxStorage(undefined);
  });

  it('keeps a form as waiting and lists it', async () => {
    await queueForm(item('a', { status: 'sent' }));
    expect(await listOutbox()).toEqual([expect.objectContaining({ key: 'a', status: 'waiting' })]);
  });

  it('sends waiting items oldest first with a fresh CSRF token, and marks them sent with where they led', async () => {
    await queueForm(item('new', { createdAt: 2000 }));
    await queueForm(item('old', { createdAt: 1000 }));
    reply = (post) => answer(200, `http://x/es/submit/draft/${post.body.get('client_key')}`);
    expect(await flushOutbox()).toEqual({ sent: 2, failed: 0, waiting: 0 });
    expect(posts.map((p) => p.body.get('client_key'))).toEqual(['old', 'new']);
    for (const post of posts) {
      expect(post.url).toBe('/es/submit');
      expect(post.init).toMatchObject({ method: 'POST', credentials: 'same-origin', redirect: 'follow' });
      expect(post.body.getAll('_csrf')).toEqual(['fresh-token']);
      expect(post.body.get('action')).toBe('submit');
    }
    expect(store.map.get('old')).toMatchObject({
      status: 'sent',
      resultUrl: 'http://x/es/submit/draft/old',
      attempts: 1,
    });
    expect(store.map.get('old')?.sendingAt).toBeUndefined();
    // Nothing is sent twice.
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 0, waiting: 0 });
    expect(posts).toHaveLength(2);
  });

  it('keeps items waiting on a network error (attempts counted) and stops there', async () => {
    await queueForm(item('a', { createdAt: 1 }));
    await queueForm(item('b', { createdAt: 2 }));
    reply = () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 0, waiting: 2 });
    expect(posts).toHaveLength(1);
    expect(store.map.get('a')).toMatchObject({ status: 'waiting', attempts: 1 });
    expect(store.map.get('a')?.sendingAt).toBeUndefined();
    expect(store.map.get('b')).toMatchObject({ status: 'waiting', attempts: 0 });
  });

  it('does nothing without a token (no network at all)', async () => {
    await queueForm(item('a'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('offline');
      }),
    );
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 0, waiting: 1 });
    expect(store.map.get('a')).toMatchObject({ status: 'waiting', attempts: 0 });
  });

  it('marks a 4xx as rejected with the server’s message, and keeps 429 and 5xx waiting', async () => {
    await queueForm(item('bad', { createdAt: 1 }));
    reply = () =>
      answer(400, 'http://x/es/submit', '<html><head><title>Faltan datos &amp; más — Rumbo</title></head></html>');
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 1, waiting: 0 });
    expect(store.map.get('bad')).toMatchObject({ status: 'rejected', error: 'Faltan datos & más — Rumbo' });

    await queueForm(item('conflict', { createdAt: 2 }));
    reply = () => answer(409, 'http://x/es/submit', '{"error":{"code":"CONFLICT","message":"Ya no se puede."}}');
    await flushOutbox();
    expect(store.map.get('conflict')).toMatchObject({ status: 'rejected', error: 'Ya no se puede.' });

    await queueForm(item('busy', { createdAt: 3 }));
    await queueForm(item('later', { createdAt: 4 }));
    reply = () => answer(429, 'http://x/es/submit');
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 0, waiting: 2 });
    expect(store.map.get('busy')).toMatchObject({ status: 'waiting', error: 'later', attempts: 1 });
    expect(store.map.get('later')).toMatchObject({ status: 'waiting', attempts: 0 });

    reply = () => answer(503, 'http://x/es/submit');
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 0, waiting: 2 });
    reply = () => answer(200, 'http://x/es/submit/draft/x');
    expect(await flushOutbox()).toEqual({ sent: 2, failed: 0, waiting: 0 });
    expect(store.map.get('busy')?.error).toBeUndefined();
  });

  it('does not call a redirect to the sign-in page "sent"', async () => {
    await queueForm(item('hub', { action: '/es/hub/reports/x/2025-01' }));
    reply = () => answer(200, 'http://x/es/login?next=%2Fes%2Fhub%2Freports');
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 0, waiting: 1 });
    expect(store.map.get('hub')).toMatchObject({ status: 'waiting', error: 'signin' });
  });

  it('never posts the same item from two flushes at once (a page and the service worker)', async () => {
    await queueForm(item('a', { createdAt: 1 }));
    await queueForm(item('b', { createdAt: 2 }));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    reply = async () => {
      await gate;
      return answer(200, 'http://x/es/submit/draft/y');
    };
    const first = flushOutbox();
    const second = flushOutbox();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const results = await Promise.all([first, second]);
    expect(results[0].sent + results[1].sent).toBe(2);
    expect(posts.map((p) => p.body.get('client_key')).sort()).toEqual(['a', 'b']);
  });

  it('takes over a claim left by a flush that died', async () => {
    await queueForm(item('a'));
    store.map.set('a', { ...store.map.get('a')!, sendingAt: Date.now() - 1000, sendingBy: 'other' });
    expect(await flushOutbox()).toEqual({ sent: 0, failed: 0, waiting: 1 });
    expect(posts).toHaveLength(0);
    store.map.set('a', { ...store.map.get('a')!, sendingAt: Date.now() - LOCK_MS - 1 });
    expect(await flushOutbox()).toEqual({ sent: 1, failed: 0, waiting: 0 });
  });

  it('tells open pages when something changed', async () => {
    const channel = new BroadcastChannel(OUTBOX_CHANNEL);
    const heard = new Promise((resolve) => (channel.onmessage = (event) => resolve(event.data)));
    await queueForm(item('a'));
    await expect(heard).resolves.toEqual({ type: 'outbox-changed' });
    channel.close();
  });

  it('forgets sent items after a day', async () => {
    await store.set({ ...item('old'), status: 'sent', createdAt: Date.now() - 2 * 86_400_000 });
    await store.set({ ...item('recent'), status: 'sent' });
    await flushOutbox();
    expect([...store.map.keys()]).toEqual(['recent']);
  });
});
