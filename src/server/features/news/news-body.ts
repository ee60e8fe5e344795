// News bodies are rich text: paragraphs, links, lists, emphasis. They are sanitized before they are stored, so
// the only HTML a page ever renders from the database is what this allow-list lets through.
import sanitizeHtml from 'sanitize-html';

const BODY_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a', 'ul', 'ol', 'li', 'em', 'strong', 'blockquote'],
  allowedAttributes: { a: ['href', 'rel', 'hreflang'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links leave the site: no ranking credit and no window.opener for the target.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }) },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

/** The safe subset of `html`: anything outside the allow-list (scripts, handlers, other schemes) is dropped. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, BODY_POLICY).trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain-text paragraphs (as the importer reads them) as sanitized HTML. */
export function paragraphsToBody(paragraphs: string[]): string {
  return sanitizeBody(paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'));
}
