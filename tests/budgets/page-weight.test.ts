import { describe, expect, it } from 'vitest';
import { noJsProblems, referencedAssets, staticImports } from './page-weight.js';

describe('page weight helpers', () => {
  it('finds stylesheets, module preloads and scripts, not icons or manifests', () => {
    const html =
      '<link rel="stylesheet" href="/assets/app.1.css"/><link rel="icon" href="/assets/f.svg"/>' +
      '<link rel="manifest" href="/es/m.webmanifest"/><link rel="modulepreload" href="/assets/c.js"/>' +
      '<script type="module" src="/assets/a.js"></script><script type="application/json">{}</script>';
    expect(referencedAssets(html)).toEqual({ css: ['/assets/app.1.css'], js: ['/assets/c.js', '/assets/a.js'] });
  });

  it('follows static imports, not dynamic ones', () => {
    const code = 'import{a as b}from"./chunk-1.js";import "./side.js";export{x}from"./re.js";import("./lazy.js")';
    expect(staticImports(code)).toEqual(['./chunk-1.js', './side.js', './re.js']);
  });

  it('reports inline scripts, handlers, forms without action and buttons that need JavaScript', () => {
    expect(
      noJsProblems('<form action="/x"><button>Go</button></form><script type="application/json">[]</script>'),
    ).toEqual([]);
    expect(noJsProblems('<section hidden><button type="button">Save</button></section>')).toEqual([]);
    expect(noJsProblems('<button type="button" hidden>Save</button>')).toEqual([]);
    const bad = noJsProblems(
      '<script>alert(1)</script><form method="post"><button>Go</button></form><button type="button">Copy</button><a onclick="x()">x</a>',
    );
    expect(bad).toHaveLength(4);
  });
});
