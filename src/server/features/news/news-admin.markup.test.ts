import { describe, expect, it } from 'vitest';
import { paragraphsToBody } from './news-body.js';
import { bodyParagraphs, bodyToMarkup, markupToBody } from './news-admin.markup.js';

describe('news body markup', () => {
  it('turns paragraphs, lists, links, emphasis and quotations into sanitized HTML', () => {
    const html = markupToBody(
      'One **bold** and *soft*,\nsecond line.\n\n- a\n- [b](https://example.org/?x=1&y=2)\n\n1. first\n2. second\n\n> said',
    );
    expect(html).toBe(
      '<p>One <strong>bold</strong> and <em>soft</em>,<br />second line.</p>\n' +
        '<ul><li>a</li><li><a href="https://example.org/?x=1&amp;y=2" rel="nofollow noopener noreferrer">b</a></li></ul>\n' +
        '<ol><li>first</li><li>second</li></ol>\n' +
        '<blockquote><p>said</p></blockquote>',
    );
  });

  it('drops scripts, handlers, other tags and unsafe link targets', () => {
    const html = markupToBody(
      '<script>alert(1)</script>Hi <img src=x onerror=alert(2)> [x](javascript:alert(3)) <a href="vbscript:y">z</a>',
    );
    expect(html.replace(/\s+/g, ' ')).toBe('<p>Hi x</p>');
    expect(markupToBody('<script>alert(1)</script>')).toBe('');
  });

  it('gives stored bodies back as markup that saves to the same HTML', () => {
    const samples = [
      markupToBody('A & B "quoted" 5 > 3\n\n- one\n- **two**\n\n1. x\n\n> q\n\nSee [it](mailto:a@example.org).'),
      paragraphsToBody(['Imported <script>not a tag</script> & text', 'Second’s paragraph']),
    ];
    for (const html of samples) expect(markupToBody(bodyToMarkup(html))).toBe(html);
  });

  it('reads paragraphs back as the importer hashes them', () => {
    const paragraphs = ['First & only <b>', 'Second'];
    expect(bodyParagraphs(paragraphsToBody(paragraphs))).toEqual(paragraphs);
  });
});
