// The outbox: forms (a listing submission, a hub report) kept on this device when they could not be sent, and sent
// later exactly once — by the page when it is back online or loads online, or by the service worker on Background
// Sync (sw.ts, tag 'rumbo-outbox'). Items live in IndexedDB (idb-keyval), so closing the tab loses nothing. No DOM
// here: pages and the service worker both use it.
//
// Honesty: an item is 'sent' only when the server answered 2xx/3xx (after redirects, `resultUrl` is where it led);
// 'rejected' when it answered 4xx (it keeps the server's message; the person opens it to fix it); otherwise it stays
// 'waiting'. Two flushes (a page and the worker) never send the same item at once: each claims an item in one
// IndexedDB transaction before posting it; a claim older than LOCK_MS is taken over (a flush that died). Even so,
// the form's client_key makes a second post of it land on the first outcome on the server.
import { createStore, del, get, set, update, values, type UseStore } from 'idb-keyval';

export interface OutboxItem {
  /** The form's client_key (one item per form: saving it again while it waits replaces it). */
  key: string;
  /** The path the form posts to. */
  action: string;
  fields: [string, string][];
  /** What the status line calls it, e.g. "Hub report, March 2025". */
  label: string;
  createdAt: number;
  status: 'waiting' | 'sent' | 'rejected';
  resultUrl?: string;
  /** The server's message (rejected), or why it still waits ('signin', 'later'). */
  error?: string;
  attempts: number;
  /** A flush is posting it since then (see LOCK_MS), under this claim. */
  sendingAt?: number;
  sendingBy?: string;
}

export interface FlushResult {
  sent: number;
  failed: number;
  waiting: number;
}

/** The storage the outbox uses: IndexedDB in browsers; tests give their own. */
export interface OutboxStorage {
  get(key: string): Promise<OutboxItem | undefined>;
  set(item: OutboxItem): Promise<void>;
  /** Atomic read-modify-write (one readwrite transaction). */
  update(key: string, change: (old: OutboxItem | undefined) => OutboxItem | undefined): Promise<void>;
  all(): Promise<OutboxItem[]>;
  del(key: string): Promise<void>;
}

export const OUTBOX_CHANNEL = 'rumbo-outbox';
/** A claim older than this is a flush that died (a closed tab, a stopped worker). */
export const LOCK_MS = 60_000;
/** Sent items are shown for a day, then forgotten. */
const KEEP_SENT_MS = 86_400_000;
const SIGN_IN = /^\/[a-z]{2}\/(login|account\/totp)(\/|$)/;

let storage: OutboxStorage | undefined;

function idbStorage(): OutboxStorage {
  let store: UseStore | undefined;
  const s = () => (store ??= createStore('rumbo-outbox', 'items'));
  return {
    get: (key) => get<OutboxItem>(key, s()),
    set: (item) => set(item.key, item, s()),
    // idb-keyval stores what the updater returns; undefined (an item deleted meanwhile) is filtered out by all().
    update: (key, change) => update<OutboxItem | undefined>(key, change, s()),
    all: async () => (await values<OutboxItem | undefined>(s())).filter((item): item is OutboxItem => !!item),
    del: (key) => del(key, s()),
  };
}

const store = () => (storage ??= idbStorage());

/** For tests: use this storage instead of IndexedDB (undefined: back to IndexedDB). */
export function setOutboxStorage(replacement: OutboxStorage | undefined): void {
  storage = replacement;
}

function notify(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage({ type: 'outbox-changed' });
  channel.close();
}

/** Keeps a form to send later. Resolves once it is stored (only then may a page say "saved on this device"). */
export async function queueForm(item: OutboxItem): Promise<void> {
  await store().set({ ...item, status: 'waiting' });
  notify();
}

/** Everything in the outbox, oldest first. */
export async function listOutbox(): Promise<OutboxItem[]> {
  return (await store().all()).sort((a, b) => a.createdAt - b.createdAt);
}

/** Forgets an item (a rejected one the person opened to fix). */
export async function dropFromOutbox(key: string): Promise<void> {
  await store().del(key);
  notify();
}

/** The message of a refusal: the page's title or the API's error message, short. */
async function messageOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  const found = /"message"\s*:\s*"([^"]{1,300})"/.exec(text)?.[1] ?? /<title>([^<]{1,300})<\/title>/i.exec(text)?.[1];
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
  const decoded = found?.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => entities[name] ?? '').trim();
  return decoded || `HTTP ${response.status}`;
}

type Outcome = Pick<OutboxItem, 'status' | 'resultUrl' | 'error'> & { stop?: boolean };

/** What a server answer means for an item. */
export async function outcomeOf(response: Response): Promise<Outcome> {
  const path = response.url ? new URL(response.url, 'http://x').pathname : '';
  // Sent to sign in (the session ended): not accepted yet, it waits until the person is signed in again.
  if (response.status < 400 && SIGN_IN.test(path)) return { status: 'waiting', error: 'signin', stop: true };
  if (response.status < 400) return { status: 'sent', resultUrl: response.url || undefined, error: undefined };
  // Too many posts for now (or for this address today): not refused, tried again later.
  if (response.status === 429) return { status: 'waiting', error: 'later', stop: true };
  // Refused (invalid, or a conflict such as a report changed meanwhile): the person must look at it.
  if (response.status < 500) return { status: 'rejected', error: await messageOf(response) };
  return { status: 'waiting', stop: true };
}

function encode(fields: [string, string][], token: string): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of fields) if (name !== '_csrf') body.append(name, value);
  body.append('_csrf', token);
  return body;
}

async function freshToken(): Promise<string | undefined> {
  const response = await fetch('/api/v1/csrf', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) return undefined;
  return ((await response.json()) as { token?: string }).token;
}

/** Sends every waiting item, oldest first, each with a fresh CSRF token; stops at the first network error. */
export async function flushOutbox(): Promise<FlushResult> {
  const s = store();
  const result: FlushResult = { sent: 0, failed: 0, waiting: 0 };
  let changed = false;
  let token: string | undefined;
  let stop = false;
  for (const item of await listOutbox()) {
    const now = Date.now();
    if (item.status === 'sent' && now - item.createdAt > KEEP_SENT_MS) {
      await s.del(item.key);
      changed = true;
    }
    if (item.status !== 'waiting' || stop) continue;
    try {
      token ??= await freshToken();
    } catch {
      // No network.
    }
    if (!token) break;
    // Claim it in one transaction; a fresh claim by another flush wins.
    const claim = `${now}-${Math.random()}`;
    await s.update(item.key, (old) =>
      old?.status === 'waiting' && !(old.sendingAt && now - old.sendingAt < LOCK_MS)
        ? { ...old, sendingAt: now, sendingBy: claim }
        : old,
    );
    const mine = await s.get(item.key);
    if (mine?.sendingBy !== claim) continue;
    let outcome: Outcome;
    try {
      const response = await fetch(mine.action, {
        method: 'POST',
        body: encode(mine.fields, token),
        credentials: 'same-origin',
        redirect: 'follow',
      });
      outcome = await outcomeOf(response);
    } catch {
      // A network error: it was maybe received (the client key makes a second post harmless), maybe not.
      outcome = { status: 'waiting', stop: true };
    }
    stop = Boolean(outcome.stop);
    await s.update(item.key, (old) => {
      if (!old) return old;
      const next: OutboxItem = { ...old, status: outcome.status, attempts: old.attempts + 1 };
      delete next.sendingAt;
      delete next.sendingBy;
      if (outcome.resultUrl) next.resultUrl = outcome.resultUrl;
      if (outcome.error) next.error = outcome.error;
      else if (outcome.status === 'sent') delete next.error;
      return next;
    });
    changed = true;
    if (outcome.status === 'sent') result.sent++;
    if (outcome.status === 'rejected') result.failed++;
  }
  result.waiting = (await s.all()).filter((item) => item.status === 'waiting').length;
  if (changed) notify();
  return result;
}
