/** Builds small tar archives in tests (hostile ones too), written from the ustar spec. */
import { gzipSync } from 'node:zlib';

/** One member to write. */
export interface TarMember {
  name: string;
  data?: Buffer | string;
  /** Type flag; default '0' (file). */
  type?: string;
  linkName?: string;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** A 512-byte ustar header with a correct checksum. */
export function tarHeader(name: string, size: number, type = '0', linkName = ''): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 'latin1');
  block.write(octal(0, 8), 108, 'latin1');
  block.write(octal(0, 8), 116, 'latin1');
  block.write(octal(size, 12), 124, 'latin1');
  block.write(octal(0, 12), 136, 'latin1');
  block.write('        ', 148, 'latin1');
  block.write(type, 156, 'latin1');
  block.write(linkName, 157, 100, 'utf8');
  block.write('ustar\0', 257, 'latin1');
  block.write('00', 263, 'latin1');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

function pad(data: Buffer): Buffer {
  const extra = (512 - (data.length % 512)) % 512;
  return extra === 0 ? data : Buffer.concat([data, Buffer.alloc(extra)]);
}

/** An uncompressed tar of the members, with the two-block end marker. */
export function tarOf(members: TarMember[]): Buffer {
  const parts: Buffer[] = [];
  for (const member of members) {
    const data = typeof member.data === 'string' ? Buffer.from(member.data, 'utf8') : (member.data ?? Buffer.alloc(0));
    parts.push(tarHeader(member.name, data.length, member.type ?? '0', member.linkName ?? ''), pad(data));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** A gzipped tar of the members. */
export function tgzOf(members: TarMember[]): Buffer {
  return gzipSync(tarOf(members));
}

/** A pax record "<len> key=value\n" (the length counts itself). */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let total = Buffer.byteLength(body) + 1;
  while (Buffer.byteLength(`${total}${body}`) !== total) total = Buffer.byteLength(`${total}${body}`);
  return `${total}${body}`;
}

/** A minimal valid Chart.yaml. */
export function chartYaml(name: string, version: string): string {
  return `apiVersion: v2\nname: ${name}\nversion: ${version}\ndescription: A test chart\n`;
}
