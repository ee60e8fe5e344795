import { describe, expect, it } from 'vitest';
import { paragraphsToBody, sanitizeBody } from './news-body.js';

describe('news body sanitizer', () => {
  it('keeps paragraphs, lists, emphasis and http/mailto links, with rel=nofollow noopener', () => {
    const html = sanitizeBody(
      '<p>A <em>b</em> <strong>c</strong> <a href="https://iom.int/x" target="_blank">IOM</a></p><ul><li>one</li></ul>' +
        '<p><a href="mailto:hub@example.org">write</a></p>',
    );
    expect(html).toContain('<em>b</em>');
    expect(html).toContain('<ul><li>one</li></ul>');
    expect(html).toContain('<a href="https://iom.int/x" rel="nofollow noopener noreferrer">IOM</a>');
    expect(html).toContain('href="mailto:hub@example.org"');
    expect(html).not.toContain('target');
  });

  it('makes scripts, event handlers and javascript: links inert', () => {
    const html = sanitizeBody(
      '<p>Hi<script>alert(1)</script><img src=x onerror="alert(2)"></p>' +
        '<a href="javascript:alert(3)">x</a><a href="JaVaScRiPt:alert(4)">y</a><a href="data:text/html,z">z</a>' +
        '<p onclick="alert(5)" style="color:red">p</p><iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/script|onerror|onclick|javascript|data:|iframe|<img|style/i);
    expect(html).toContain('<p>Hi</p>');
    expect(html).toContain('<p>p</p>');
  });

  it('escapes imported plain text instead of reading it as HTML', () => {
    expect(paragraphsToBody(['1 < 2 & "x"', '<script>alert(1)</script>'])).toBe(
      '<p>1 &lt; 2 &amp; "x"</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
});
