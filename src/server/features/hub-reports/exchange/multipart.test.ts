import { describe, expect, it } from 'vitest';
import { MultipartError, multipartBoundary, parseMultipart } from './multipart.js';

const BOUNDARY = '----rumbo7MA4YWxkTrZu0gW';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

function body(parts: { name: string; filename?: string; content: string }[]): Buffer {
  const chunks = parts.map(
    (p) =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"` +
      `${p.filename ? `; filename="${p.filename}"\r\nContent-Type: text/csv` : ''}\r\n\r\n${p.content}\r\n`,
  );
  return Buffer.from(`${chunks.join('')}--${BOUNDARY}--\r\n`);
}

describe('multipart form reader', () => {
  it('reads text fields and a file as text, keeping line breaks and UTF-8', async () => {
    const file = 'dataelement,period,orgunit,value\r\nRbDePplTot1,202103,HUB-x,12\r\n\r\n--not-a-boundary ñ\r\n';
    const fields = await parseMultipart(
      body([
        { name: '_csrf', content: 'token-1' },
        { name: 'file', filename: 'values.csv', content: file },
        { name: 'dry_run', content: '1' },
        { name: 'text', content: '' },
      ]),
      TYPE,
    );
    expect(fields).toEqual({ _csrf: 'token-1', file, dry_run: '1', text: '' });
  });

  it('keeps the first of two parts with the same name, and a part named __proto__ as a plain field', async () => {
    const fields = await parseMultipart(
      body([
        { name: 'status', content: 'approved' },
        { name: 'status', content: 'submitted' },
        { name: '__proto__', content: 'x' },
      ]),
      TYPE,
    );
    expect(fields.status).toBe('approved');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
  });

  it('refuses a missing boundary, a broken body and a flood of parts', async () => {
    expect(() => multipartBoundary('multipart/form-data')).toThrow(MultipartError);
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    await expect(parseMultipart(Buffer.from('no parts here'), TYPE)).rejects.toThrow(MultipartError);
    await expect(parseMultipart(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data`), TYPE)).rejects.toThrow(
      MultipartError,
    );
    await expect(parseMultipart(Buffer.from('x'), 'multipart/form-data')).rejects.toThrow(MultipartError);
    const many = Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, content: 'x' }));
    await expect(parseMultipart(body(many), TYPE)).rejects.toThrow(MultipartError);
  });
});
