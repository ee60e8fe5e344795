// What a page costs a phone: the bytes of its HTML, stylesheets and same-origin scripts (with the chunks they
// import statically) as the server sends them for `Accept-Encoding: br` and `gzip`; images aside. Shared by the
// budget test (tests/budgets/budgets.test.ts) and `npm run bench -- weight`.
import type { FastifyInstance } from 'fastify';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 30 * 1024;

export type Encoding = 'br' | 'gzip';

export interface Resource {
  url: string;
  kind: 'html' | 'css' | 'js';
  raw: number;
  br: number;
  gzip: number;
}

export interface PageWeight {
  url: string;
  status: number;
  html: string;
  resources: Resource[];
  totals: { raw: number; br: number; gzip: number };
  byKind: Record<Resource['kind'], { raw: number; br: number; gzip: number }>;
}

/** Stylesheets and scripts an HTML document loads (not images, icons, the manifest or alternate links). */
export function referencedAssets(html: string): { css: string[]; js: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel="([^"]*)"/i.exec(tag)?.[1]?.toLowerCase().split(/\s+/) ?? [];
    const href = /\bhref="([^"]*)"/i.exec(tag)?.[1];
    if (!href) continue;
    if (rel.includes('stylesheet')) css.push(decode(href));
    else if (rel.includes('modulepreload')) js.push(decode(href));
  }
  for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"[^>]*>/gi)) if (src) js.push(decode(src));
  return { css: [...new Set(css)], js: [...new Set(js)] };
}

/** Static imports (`import … from "./x.js"`, `import "./x.js"`, `export … from`) of a script; not `import()`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;\n}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+\.m?js)["']/g;
  for (const [, spec] of code.matchAll(pattern)) if (spec) found.add(spec);
  return [...found];
}

function decode(url: string): string {
  return url.replaceAll('&amp;', '&');
}

function sameOrigin(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** The bytes the server sends for a URL with the given Accept-Encoding (uncompressed when below its threshold). */
async function sent(app: FastifyInstance, url: string, encoding: Encoding, headers: Record<string, string> = {}) {
  const res = await app.inject({ url, headers: { ...headers, 'accept-encoding': encoding } });
  return { status: res.statusCode, bytes: res.rawPayload.length, encoding: res.headers['content-encoding'] };
}

export async function pageWeight(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string> = {},
): Promise<PageWeight> {
  const page = await app.inject({ url, headers });
  const html = page.body;
  const resources: Resource[] = [];
  const add = async (kind: Resource['kind'], resourceUrl: string, rawBody: Buffer) => {
    const br = await sent(app, resourceUrl, 'br', headers);
    const gzip = await sent(app, resourceUrl, 'gzip', headers);
    resources.push({ url: resourceUrl, kind, raw: rawBody.length, br: br.bytes, gzip: gzip.bytes });
  };
  await add('html', url, page.rawPayload);
  const { css, js } = referencedAssets(html);
  for (const href of css.filter(sameOrigin)) {
    const res = await app.inject(href);
    if (res.statusCode === 200) await add('css', href, res.rawPayload);
  }
  const queue = js.filter(sameOrigin);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const src = queue.shift()!;
    if (seen.has(src)) continue;
    seen.add(src);
    const res = await app.inject(src);
    if (res.statusCode !== 200) continue;
    await add('js', src, res.rawPayload);
    for (const spec of staticImports(res.body)) {
      const next = new URL(spec, `http://rumbo.invalid${src}`);
      if (next.origin === 'http://rumbo.invalid' && next.pathname.startsWith('/assets/')) queue.push(next.pathname);
    }
  }
  const zero = () => ({ raw: 0, br: 0, gzip: 0 });
  const byKind = { html: zero(), css: zero(), js: zero() };
  const totals = zero();
  for (const r of resources) {
    for (const bucket of [byKind[r.kind], totals]) {
      bucket.raw += r.raw;
      bucket.br += r.br;
      bucket.gzip += r.gzip;
    }
  }
  return { url, status: page.statusCode, html, resources, totals, byKind };
}

/** Raw, gzip and brotli (quality 11, as a static file would be served) sizes of any body. */
export function compressedSizes(body: string | Buffer): { raw: number; gzip: number; br: number } {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  return { raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length, br: brotliCompressSync(buffer).length };
}

/** Problems that make a page depend on JavaScript: inline scripts, forms without action, buttons that need JS. */
export function noJsProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (!/\bsrc="/i.test(tag) && !/\btype="application\/json"/i.test(tag)) problems.push(`inline script: ${tag}`);
  }
  for (const [, attrs] of html.matchAll(/<[a-z][\w-]*\b([^>]*)>/gi)) {
    if (/\son[a-z]+=/i.test(attrs ?? '')) problems.push(`inline event handler: ${attrs}`);
  }
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);
  const stack: { name: string; hidden: boolean; form: boolean }[] = [];
  const tags = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  let match: RegExpExecArray | null;
  while ((match = tags.exec(html))) {
    const [whole, closing, rawName, attrs = ''] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    const hidden = /(^|\s)hidden(\s|=|$)/i.test(attrs) || stack.some((e) => e.hidden);
    if (name === 'form' && !/\saction="[^"]+"/i.test(attrs)) problems.push(`form without action: ${whole}`);
    if (name === 'button' && !hidden) {
      const type = /\stype="([^"]*)"/i.exec(attrs)?.[1]?.toLowerCase() ?? 'submit';
      const inForm = stack.some((e) => e.form) || /\sform="/i.test(attrs);
      if (type === 'button' || !inForm) problems.push(`button that does nothing without JavaScript: ${whole}`);
    }
    if (name === 'script' || name === 'style') {
      const end = html.indexOf(`</${name}`, tags.lastIndex);
      tags.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    if (!VOID.has(name) && !whole.endsWith('/>')) stack.push({ name, hidden, form: name === 'form' });
  }
  return problems;
}
