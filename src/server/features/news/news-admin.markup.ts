// The light markup publishers write news bodies in, and its way back from the stored HTML for editing.
// Blank line: new paragraph. Lines starting "- " (or "* "): a list; "1. ": a numbered list; "> ": a quotation.
// [text](https://…) is a link, **text** strong, *text* emphasis. A few HTML tags (p, a, ul, ol, li, em, strong,
// blockquote, br) are accepted as well; everything ends up in sanitizeBody, which drops anything else.
import { sanitizeBody } from './news-body.js';
import { htmlToText } from './news-text.js';

const LINK = /\[([^\]\n]+)\]\(((?:[^\s()]|\([^\s()]*\))+)\)/g;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;
const BULLET = /^[-*] +/;
const NUMBERED = /^\d{1,3}[.)] +/;
const QUOTE = /^> ?/;
const HTML_BLOCK = /^<(p|ul|ol|blockquote)\b/i;

function emphasis(text: string): string {
  return text
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1<em>$2</em>');
}

/** One line of text with its links and emphasis as HTML (link targets are checked again by the sanitizer). */
function inline(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const [whole, label = '', href = ''] = match;
    out += emphasis(text.slice(last, match.index));
    // A link to anything but the web or mail keeps its text and loses its target.
    out += SAFE_HREF.test(href) ? `<a href="${href.replace(/"/g, '%22')}">${emphasis(label)}</a>` : emphasis(label);
    last = match.index + whole.length;
  }
  return out + emphasis(text.slice(last));
}

function block(lines: string[]): string {
  const joined = lines.join('\n');
  if (HTML_BLOCK.test(joined)) return joined;
  if (lines.every((l) => BULLET.test(l))) {
    return `<ul>${lines.map((l) => `<li>${inline(l.replace(BULLET, ''))}</li>`).join('')}</ul>`;
  }
  if (lines.every((l) => NUMBERED.test(l))) {
    return `<ol>${lines.map((l) => `<li>${inline(l.replace(NUMBERED, ''))}</li>`).join('')}</ol>`;
  }
  if (lines.every((l) => QUOTE.test(l))) {
    return `<blockquote><p>${lines.map((l) => inline(l.replace(QUOTE, ''))).join('<br />')}</p></blockquote>`;
  }
  return `<p>${lines.map(inline).join('<br />')}</p>`;
}

/** The markup as sanitized HTML: what is stored in news_items.body. */
export function markupToBody(markup: string): string {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line) current.push(line);
    else if (current.length) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  // Tags the sanitizer dropped can leave spaces at the edges of a block, or an empty one.
  return sanitizeBody(blocks.map(block).join('\n'))
    .replace(/<(p|li)>\s+/g, '<$1>')
    .replace(/\s+<\/(p|li)>/g, '</$1>')
    .replace(/<p><\/p>\n?/g, '')
    .trim();
}

function decode(text: string): string {
  // &lt; stays written as an entity, so that text which looked like a tag is not read as one when saved again.
  return text
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi, '&');
}

/** Stored (sanitized) HTML back as markup, for the edit form: markupToBody(bodyToMarkup(html)) gives html again. */
export function bodyToMarkup(html: string): string {
  const text = html
    .replace(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) => {
      return `[${label}](${href.replace(/&amp;/g, '&')})`;
    })
    .replace(/<\/?strong>/gi, '**')
    .replace(/<\/?em>/gi, '*')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<ol>([\s\S]*?)<\/ol>/gi, (_m, items: string) => {
      let n = 0;
      return `\n\n${items.replace(/<li>([\s\S]*?)<\/li>/gi, (_l, item: string) => `${++n}. ${item.trim()}\n`)}\n\n`;
    })
    .replace(/<ul>([\s\S]*?)<\/ul>/gi, (_m, items: string) => {
      return `\n\n${items.replace(/<li>([\s\S]*?)<\/li>/gi, (_l, item: string) => `- ${item.trim()}\n`)}\n\n`;
    })
    .replace(/<blockquote>([\s\S]*?)<\/blockquote>/gi, (_m, inner: string) => {
      const plain = inner.replace(/<\/?p>/gi, '\n').trim();
      return `\n\n${plain
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => `> ${l.trim()}`)
        .join('\n')}\n\n`;
    })
    .replace(/<p>/gi, '\n\n')
    .replace(/<\/p>/gi, '\n\n')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return decode(text)
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of each paragraph or list item of a body, as the importer hashes an item's paragraphs. */
export function bodyParagraphs(html: string): string[] {
  return html
    .split(/<\/(?:p|li|blockquote)>/i)
    .map((piece) => htmlToText(piece))
    .filter(Boolean);
}
