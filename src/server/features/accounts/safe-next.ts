// Where to go after signing in: only a path on this site. "//evil.example", "/\evil.example", "https://…" and
// anything with control characters are refused, so a crafted sign-in link cannot send someone elsewhere.
const MAX_NEXT_LENGTH = 500;

export function safeNext(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_NEXT_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  // Browsers treat "\" like "/" in URLs; control characters and spaces can smuggle a scheme or host.
  if (value.includes('\\') || [...value].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) {
    return null;
  }
  try {
    const base = 'http://rumbo.invalid';
    const parsed = new URL(value, base);
    if (parsed.origin !== base) return null;
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return null;
  }
}
