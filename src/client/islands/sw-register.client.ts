// Registers Rumbo's service worker (/sw.js), which keeps the app shell and visited pages for use with no signal,
// and asks it to send anything kept in the outbox whenever this page loads online. Loaded on every page; tiny.
if ('serviceWorker' in navigator) {
  void navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(async () => {
      const ready = await navigator.serviceWorker.ready;
      if (navigator.onLine) ready.active?.postMessage({ type: 'flush-outbox' });
    })
    .catch(() => undefined);
}
