// Helpers for tests that read rendered pages.

/** The page without the one script every page carries (the service worker's registration, see layout.view.tsx),
 *  so a test can check that a page loads no other script. */
export function withoutWorkerRegistration(html: string): string {
  return html.replace(/<script type="module" src="\/assets\/sw-register\.client-[\w-]+\.js"><\/script>/g, '');
}
