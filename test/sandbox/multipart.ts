/** A minimal multipart/form-data reader: the file parts of a form, as Go's Request.FormFile sees them. */

/** One part that carries a file name (Go treats parts without one as plain values, not files). */
export interface FormFile {
  field: string;
  filename: string;
  content: Buffer;
}

/** The boundary of a multipart/form-data content type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || contentType.split(';')[0]?.trim().toLowerCase() !== 'multipart/form-data') return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function dispositionParam(disposition: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${name}=([^;\\s]+)`, 'i').exec(disposition);
  const value = match?.[1] ?? match?.[2];
  return value?.replace(/\\(.)/g, '$1');
}

/** The file parts of a form body (at most `maxParts`); malformed bodies yield no files. */
export function readFormFiles(body: Buffer, boundary: string, maxParts = 100): FormFile[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const files: FormFile[] = [];
  let position = body.indexOf(delimiter);
  while (position !== -1 && files.length < maxParts) {
    const partStart = position + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    const part = body.subarray(partStart + 2, next - 2); // skip CRLF after delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    position = next;
    if (headerEnd === -1) continue;
    const headers = part.subarray(0, headerEnd).toString('utf8').split('\r\n');
    const disposition = headers.find((h) => h.toLowerCase().startsWith('content-disposition:')) ?? '';
    const field = dispositionParam(disposition, 'name');
    const filename = dispositionParam(disposition, 'filename');
    if (field === undefined || !filename) continue;
    files.push({ field, filename, content: Buffer.from(part.subarray(headerEnd + 4)) });
  }
  return files;
}
