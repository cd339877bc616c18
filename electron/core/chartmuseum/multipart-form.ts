/** The multipart/form-data body ChartMuseum's POST /api/charts takes for a package with its provenance (fields `chart` and `prov`). */
import { randomBytes } from 'node:crypto';

/** A form body and its content type (with the boundary). */
export interface FormBody {
  body: Buffer;
  contentType: string;
}

function part(boundary: string, field: string, fileName: string, type: string, content: Uint8Array): Buffer {
  const safeName = fileName.replace(/["\\\r\n]/g, '_');
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${safeName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from('\r\n', 'utf8')]);
}

/** The form helm cm-push sends: the .tgz as `chart`, the .prov as `prov`. */
export function chartAndProvenanceForm(fileName: string, chart: Uint8Array, provenance: string): FormBody {
  const boundary = `chartdesk-${randomBytes(16).toString('hex')}`;
  const body = Buffer.concat([
    part(boundary, 'chart', fileName, 'application/gzip', chart),
    part(boundary, 'prov', `${fileName}.prov`, 'application/pgp-signature', Buffer.from(provenance, 'utf8')),
    Buffer.from(`--${boundary}--\r\n`, 'utf8'),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
