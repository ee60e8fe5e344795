// The import form's multipart/form-data body (a file input works without JavaScript only as multipart), read by
// @fastify/busboy, Fastify's own multipart parser. The body is already in memory under the route's size limit;
// every part becomes a text field, a file's content decoded as UTF-8. Parts beyond a handful are refused.
import { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';

export class MultipartError extends Error {
  override name = 'MultipartError';
}

/** The form has six fields; anything far beyond that is not our form. */
const MAX_PARTS = 20;

/** The boundary of a `multipart/form-data; boundary=…` content type. */
export function multipartBoundary(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary || boundary.length > 200) throw new MultipartError('no boundary');
  return boundary;
}

/** Fields by name (the first part of a name wins); a file part's value is its content as text. */
export async function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, string>> {
  multipartBoundary(contentType);
  // No prototype: a part named '__proto__' stays a plain field.
  const fields = Object.create(null) as Record<string, string>;
  const keep = (name: string, value: string) => {
    if (!Object.hasOwn(fields, name)) fields[name] = value;
  };
  let parser: InstanceType<typeof Busboy>;
  try {
    parser = new Busboy({
      headers: { 'content-type': contentType },
      defCharset: 'utf8',
      limits: { parts: MAX_PARTS, fieldSize: body.length, fileSize: body.length },
    });
  } catch {
    throw new MultipartError('not multipart');
  }
  const files: Promise<void>[] = [];
  let parts = 0;
  const done = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => {
      parts++;
      keep(name, value);
    });
    parser.on('file', (name, stream) => {
      parts++;
      files.push(
        (async () => {
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          keep(name, Buffer.concat(chunks).toString('utf8'));
        })(),
      );
    });
    parser.on('partsLimit', () => reject(new MultipartError('too many parts')));
    parser.on('error', () => reject(new MultipartError('malformed body')));
    parser.on('finish', resolve);
  });
  Readable.from([body]).pipe(parser);
  await done;
  await Promise.all(files);
  if (parts === 0) throw new MultipartError('no parts');
  return fields;
}
