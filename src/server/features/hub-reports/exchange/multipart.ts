// A small multipart/form-data reader for the import form (a file input works without JavaScript only as
// multipart). The whole body is already in memory, under the route's own size limit; every part becomes a text
// field, a file's content decoded as UTF-8. Not a general parser: no nested multipart, no streaming.

export class MultipartError extends Error {
  override name = 'MultipartError';
}

/** The boundary of a `multipart/form-data; boundary=…` content type. */
export function multipartBoundary(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary || boundary.length > 200) throw new MultipartError('no boundary');
  return boundary;
}

/** Fields by name (the first part of a name wins); a file part's value is its content as text. */
export function parseMultipart(body: Buffer, contentType: string): Record<string, string> {
  const delimiter = Buffer.from(`--${multipartBoundary(contentType)}`);
  // No prototype: a part named '__proto__' stays a plain field.
  const fields = Object.create(null) as Record<string, string>;
  let position = body.indexOf(delimiter);
  if (position < 0) throw new MultipartError('no parts');
  for (;;) {
    position += delimiter.length;
    // '--' after a delimiter closes the body.
    if (body.subarray(position, position + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    const next = body.indexOf(delimiter, position);
    if (headerEnd < 0 || next < 0 || headerEnd > next) throw new MultipartError('malformed part');
    const headers = body.subarray(position, headerEnd).toString('utf8');
    // The part's content ends with the CRLF before the next delimiter.
    const content = body.subarray(headerEnd + 4, next - 2);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined && !Object.hasOwn(fields, name)) fields[name] = content.toString('utf8');
    position = next;
  }
  return fields;
}
