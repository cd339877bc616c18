import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** A file from the built renderer, ready to send. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Where a URL path points inside `root` (a path with no extension is index.html, the single-page app); undefined outside it or when malformed. */
function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' || path.extname(decoded) === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  return file;
}

async function readResolved(file: string): Promise<StaticFile | undefined> {
  try {
    const body = await readFile(file);
    return { body, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

/** The built renderer as served: from memory for what was there at start, from disk for the rest. */
export interface StaticFiles {
  get(urlPath: string): Promise<StaticFile | undefined>;
}

/**
 * Reads every file of the built renderer but source maps into memory (well under a megabyte), so
 * a first page load reads nothing from disk; anything else (a map, a file built later) is read on
 * request. Anything outside `root` is refused.
 */
export async function loadStaticFiles(root: string): Promise<StaticFiles> {
  const held = new Map<string, StaticFile>();
  const names = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  await Promise.all(
    names
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const read = await readResolved(file);
        if (read) held.set(file, read);
      }),
  );
  return {
    async get(urlPath) {
      const file = resolveStaticPath(root, urlPath);
      if (file === undefined) return undefined;
      return held.get(file) ?? readResolved(file);
    },
  };
}
