// Just enough multipart/form-data to read or replace one small text field (the model of an
// audio upload) without parsing or copying the file parts: a few Buffer.indexOf scans.

export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

interface FieldSpan {
  /** Start and end of the field's value inside the body. */
  start: number;
  end: number;
}

function findField(raw: Buffer, boundary: string, name: string): FieldSpan | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const nameRe = new RegExp(`;\\s*name="${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"(?:;|\\s|$)`, 'i');
  let pos = raw.indexOf(delimiter);
  while (pos >= 0) {
    const afterDelimiter = pos + delimiter.length;
    if (raw[afterDelimiter] === 0x2d /* "--": closing delimiter */) return undefined;
    const headersStart = afterDelimiter + 2;
    const headersEnd = raw.indexOf('\r\n\r\n', headersStart);
    if (headersEnd < 0) return undefined;
    const next = raw.indexOf(delimiter, headersEnd + 4);
    if (next < 0) return undefined;
    const headers = raw.toString('latin1', headersStart, headersEnd);
    if (nameRe.test(headers) && !/filename=/i.test(headers)) return { start: headersEnd + 4, end: next - 2 };
    pos = next;
  }
  return undefined;
}

/** The value of a text field, or undefined when the body has no such field. */
export function readMultipartField(raw: Buffer, boundary: string, name: string): string | undefined {
  const span = findField(raw, boundary, name);
  return span ? raw.toString('utf8', span.start, span.end) : undefined;
}

/** The body with one text field's value replaced (unchanged when the field is absent). */
export function replaceMultipartField(raw: Buffer, boundary: string, name: string, value: string): Buffer {
  const span = findField(raw, boundary, name);
  if (!span) return raw;
  return Buffer.concat([raw.subarray(0, span.start), Buffer.from(value), raw.subarray(span.end)]);
}
