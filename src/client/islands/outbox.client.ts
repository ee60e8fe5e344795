// Forms marked data-offline-outbox (a listing submission, a hub report) are not lost without a network: on submit,
// the form is posted with fetch; if there is no network (offline, or the post fails on the way) it is kept in the
// outbox on this device (IndexedDB) before the status line says so, and sent later by flushOutbox() — here when
// the page is back online or loads online, or by the service worker on Background Sync. The status line
// (role="status") never says "sent" before the server answered. With JavaScript off the form posts as always.
import {
  dropFromOutbox,
  flushOutbox,
  listOutbox,
  OUTBOX_CHANNEL,
  queueForm,
  type OutboxItem,
} from '../offline/outbox.js';

const form = document.querySelector<HTMLFormElement>('form[data-offline-outbox]');
const line = document.querySelector<HTMLElement>('[data-outbox-status]');

if (form && line && 'indexedDB' in window) {
  const text = line.dataset;
  // Named fields shadow form properties (the buttons are name="action"): read attributes.
  const action = new URL(form.getAttribute('action') ?? location.pathname, location.href).pathname;
  // Looked up each time: a refused post puts the server's form in place (see showRefusal).
  const keyField = () => form.querySelector<HTMLInputElement>('input[name="client_key"]');
  // The page may be a copy the service worker kept (the blank form, opened offline again and again): every load
  // needs its own key, or two different forms sent from the same copy would count as one.
  const firstKey = keyField();
  if (firstKey && typeof crypto.randomUUID === 'function') firstKey.value = crypto.randomUUID();
  let bypass = false;

  const show = async () => {
    const items = (await listOutbox()).reverse().slice(0, 5);
    line.replaceChildren(...items.map(render));
  };

  const render = (item: OutboxItem) => {
    const p = document.createElement('p');
    const name = document.createElement('strong');
    name.textContent = `${item.label}: `;
    p.append(name);
    if (item.status === 'sent') {
      const link = document.createElement('a');
      link.href = item.resultUrl ?? item.action;
      link.textContent = text.open ?? '';
      p.append(`${text.sent} `, link);
    } else if (item.status === 'rejected') {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'button button-secondary';
      fix.textContent = text.fix ?? '';
      fix.addEventListener('click', () => void reopen(item));
      p.append(`${text.rejected} (${item.error ?? ''}) `, fix);
    } else {
      p.append((item.error === 'signin' ? text.signin : text.saved) ?? '');
    }
    return p;
  };

  // A refused item goes back to the server as a plain form post, so its page shows what to fix.
  const reopen = async (item: OutboxItem) => {
    if (!navigator.onLine) return;
    const target = document.createElement('form');
    target.method = 'post';
    target.action = item.action;
    target.hidden = true;
    const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
    for (const [name, value] of item.fields) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = name === '_csrf' ? csrf : value;
      target.append(input);
    }
    document.body.append(target);
    await dropFromOutbox(item.key);
    target.submit();
  };

  const keep = async (fields: [string, string][]) => {
    const key = keyField()?.value || crypto.randomUUID();
    const named = form.dataset.outboxName;
    const extra = named ? form.querySelector<HTMLInputElement>(`[name="${named}"]`)?.value.trim() : '';
    const label = (form.dataset.outboxLabel ?? '') + (extra ? ` — ${extra}` : '');
    try {
      await queueForm({ key, action, fields, label, createdAt: Date.now(), status: 'waiting', attempts: 0 });
    } catch {
      line.textContent = text.nostore ?? '';
      return;
    }
    await show();
    if ('serviceWorker' in navigator) {
      void navigator.serviceWorker.ready
        .then((ready) =>
          (ready as unknown as { sync?: { register(tag: string): Promise<void> } }).sync?.register('rumbo-outbox'),
        )
        .catch(() => undefined);
    }
  };

  /**
   * A refused form comes back as the same page with what to fix: its main part takes this page's place, with this
   * form element (and its listeners) and the status line kept, as a plain post's answer would show it, without
   * posting it a second time (which would count twice toward the submission limit). False when the answer is
   * another page.
   */
  const showRefusal = async (response: Response): Promise<boolean> => {
    if (!(response.headers.get('content-type') ?? '').includes('text/html')) return false;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    const nextForm = next.querySelector<HTMLFormElement>('form[data-offline-outbox]');
    const nextMain = nextForm?.closest('main');
    const main = form.closest('main');
    if (!nextForm || !nextMain || !main || nextForm.getAttribute('action') !== form.getAttribute('action')) {
      return false;
    }
    // Lists copied first: adopting a node takes it out of the live list.
    const adopted = (parent: Node) => [...parent.childNodes].map((node) => document.adoptNode(node));
    nextForm.querySelector('[data-outbox-status]')?.replaceWith(line);
    form.replaceChildren(...adopted(nextForm));
    nextForm.replaceWith(form);
    main.replaceChildren(...adopted(nextMain));
    document.title = next.title;
    // What loading that page does: the summary of what to fix is focused (and so scrolled to).
    main.querySelector<HTMLElement>('[autofocus], .error-summary')?.focus();
    return true;
  };

  const send = async (submitter: HTMLButtonElement | null) => {
    // This form was already sent from the outbox: what is posted now is new, under a new key.
    const field = keyField();
    const sent = (await listOutbox()).some((item) => item.key === field?.value && item.status !== 'waiting');
    if (field && sent) field.value = crypto.randomUUID();
    const fields: [string, string][] = [];
    new FormData(form).forEach((value, name) => {
      if (typeof value === 'string') fields.push([name, value]);
    });
    if (submitter?.name) fields.push([submitter.name, submitter.value]);
    if (navigator.onLine !== false) {
      try {
        const response = await fetch(action, {
          method: 'POST',
          body: new URLSearchParams(fields),
          credentials: 'same-origin',
          redirect: 'follow',
          // A network that hangs counts as none: the key makes a second post of it harmless.
          signal: AbortSignal.timeout(30_000),
        });
        if (response.status < 400) return location.assign(response.url);
        if (await showRefusal(response)) return;
        // Refused with another page (a limit, an expired session): the browser posts it again (nothing was
        // written) so that page shows.
        bypass = true;
        return submitter ? submitter.click() : form.requestSubmit();
      } catch {
        // No network after all: keep it below.
      }
    }
    await keep(fields);
  };

  form.addEventListener('submit', (event) => {
    if (bypass) return;
    event.preventDefault();
    void send(event.submitter instanceof HTMLButtonElement ? event.submitter : null);
  });

  const flush = () => void flushOutbox().then(show, show);
  new BroadcastChannel(OUTBOX_CHANNEL).onmessage = () => void show();
  window.addEventListener('online', flush);
  void show();
  if (navigator.onLine) flush();
}
