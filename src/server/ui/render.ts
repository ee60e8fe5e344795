// Renders a page component to a complete HTML document.
import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';

export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
