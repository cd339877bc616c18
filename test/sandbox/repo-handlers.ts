/** ChartMuseum's route handlers (multitenant/handlers.go and api.go) over the sandbox's chart store. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readChartPackage, ChartPackageError } from './chart-package';
import { entriesOf, findVersion, indexYaml } from './chart-index';
import type { ChartStore } from './chart-store';
import { BodyTooLargeError, readBody, send, sendJson } from './http-io';
import { boundaryOf, readFormFiles, type FormFile } from './multipart';
import { provenanceFilename, PROVENANCE_ERROR } from './provenance';
import type { RouteMatch, RouteName } from './repo-routes';

/** ChartMuseum's default --max-upload-size (20 MiB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The version /info reports. */
export const SANDBOX_CHARTMUSEUM_VERSION = 'v0.16.2';

type Handler = (store: ChartStore, req: IncomingMessage, res: ServerResponse, m: RouteMatch, query: URLSearchParams) => Promise<void>;

const WELCOME = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to ChartMuseum!</title>\n</head>\n<body>\n<h1>Welcome to ChartMuseum!</h1>\n<p>This is the ChartDesk sandbox, a ChartMuseum-compatible test server.</p>\n</body>\n</html>\n';

async function body(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  try {
    return await readBody(req, MAX_UPLOAD_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) sendJson(res, 413, { error: 'request too large' });
    else sendJson(res, 500, { error: 'unexpected EOF' });
    return undefined;
  }
}

async function postRaw(store: ChartStore, res: ServerResponse, m: RouteMatch, content: Buffer, force: boolean): Promise<void> {
  let filename: string;
  try {
    filename = readChartPackage(content).filename;
  } catch (error) {
    sendJson(res, 400, { error: error instanceof ChartPackageError ? error.message : 'chart package is invalid' });
    return;
  }
  if (!force && (await store.exists(m.namespace, filename))) return sendJson(res, 409, { error: 'file already exists' });
  await store.put(m.namespace, filename, content);
  sendJson(res, 201, { saved: true });
}

// handlers.go getChartAndProvFiles + postPackageAndProvenanceRequestHandler (note: its 409 says "chart already exists").
async function postForm(store: ChartStore, res: ServerResponse, m: RouteMatch, files: FormFile[], force: boolean): Promise<void> {
  const chosen = new Map<string, Buffer>();
  let conflict = false;
  for (const field of ['chart', 'prov']) {
    const part = files.find((f) => f.field === field);
    if (!part) continue;
    let filename: string | undefined;
    if (field === 'chart') {
      try {
        filename = readChartPackage(part.content).filename;
      } catch (error) {
        return sendJson(res, 400, { error: error instanceof ChartPackageError ? error.message : 'chart package is invalid' });
      }
    } else {
      filename = provenanceFilename(part.content);
      if (filename === undefined) return sendJson(res, 400, { error: PROVENANCE_ERROR });
    }
    if (chosen.has(filename)) continue;
    if (!conflict && filename.includes('/')) return sendJson(res, 400, { error: `${filename} is improperly formatted` });
    if (!conflict && (await store.exists(m.namespace, filename))) conflict = true;
    chosen.set(filename, part.content);
  }
  if (conflict && !force) return sendJson(res, 409, { error: 'chart already exists' });
  if (chosen.size === 0) return sendJson(res, 400, { error: 'no package or provenance file found in form fields chart and prov' });
  for (const [filename, content] of chosen) await store.put(m.namespace, filename, content);
  sendJson(res, 201, { saved: true });
}

function objectContentType(filename: string): string | undefined {
  if (filename.endsWith('.prov')) return 'application/pgp-signature';
  if (filename.endsWith('.tgz')) return 'application/x-tar';
  return undefined;
}

/** One handler per route name. */
export const HANDLERS: Record<RouteName, Handler> = {
  welcome: async (_s, _q, res) => send(res, 200, WELCOME, 'text/html'),
  info: async (_s, _q, res) => sendJson(res, 200, { version: SANDBOX_CHARTMUSEUM_VERSION }),
  health: async (_s, _q, res) => sendJson(res, 200, { healthy: true }),
  getIndex: async (store, _q, res, m) => send(res, 200, indexYaml(await store.list(m.namespace)), 'application/x-yaml'),
  headIndex: async (store, _q, res, m) => send(res, 200, indexYaml(await store.list(m.namespace)), 'application/x-yaml'),
  getObject: async (store, _q, res, m) => {
    const filename = m.params.filename ?? '';
    const type = objectContentType(filename);
    if (!type) return sendJson(res, 404, { error: 'not found' });
    const content = await store.get(m.namespace, filename);
    if (!content) return sendJson(res, 404, { error: 'object not found' });
    send(res, 200, content, type);
  },
  listCharts: async (store, _q, res, m, query) => {
    const entries = entriesOf(await store.list(m.namespace));
    const offset = query.has('offset') ? Number(query.get('offset')) : 0;
    const limit = query.has('limit') ? Number(query.get('limit')) : -1;
    if (!Number.isInteger(offset) || offset < 0) return sendJson(res, 400, { error: 'offset is not a valid non-negative integer' });
    if (query.has('limit') && (!Number.isInteger(limit) || limit <= 0)) return sendJson(res, 400, { error: 'limit is not a valid positive integer' });
    const names = Object.keys(entries).slice(offset, limit > 0 ? offset + limit : undefined);
    sendJson(res, 200, Object.fromEntries(names.map((n) => [n, entries[n]])));
  },
  getChart: async (store, _q, res, m) => {
    const versions = entriesOf(await store.list(m.namespace))[m.params.name ?? ''];
    if (!versions) return sendJson(res, 404, { error: 'chart not found' });
    sendJson(res, 200, versions);
  },
  headChart: async (store, _q, res, m) => {
    const versions = entriesOf(await store.list(m.namespace))[m.params.name ?? ''];
    send(res, versions ? 200 : 404, '', undefined);
  },
  getVersion: async (store, _q, res, m) => {
    const found = findVersion(entriesOf(await store.list(m.namespace)), m.params.name ?? '', m.params.version ?? '');
    if (typeof found === 'string') return sendJson(res, 404, { error: found });
    sendJson(res, 200, found);
  },
  headVersion: async (store, _q, res, m) => {
    const found = findVersion(entriesOf(await store.list(m.namespace)), m.params.name ?? '', m.params.version ?? '');
    send(res, typeof found === 'string' ? 404 : 200, '', undefined);
  },
  postChart: async (store, req, res, m, query) => {
    const content = await body(req, res);
    if (!content) return;
    // gin's c.ContentType(): the media type without parameters decides the form path
    if (req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() === 'multipart/form-data') {
      const boundary = boundaryOf(req.headers['content-type']);
      return postForm(store, res, m, boundary === undefined ? [] : readFormFiles(content, boundary), query.has('force'));
    }
    return postRaw(store, res, m, content, query.has('force'));
  },
  postProv: async (store, req, res, m, query) => {
    const content = await body(req, res);
    if (!content) return;
    const filename = provenanceFilename(content);
    if (filename === undefined) return sendJson(res, 400, { error: PROVENANCE_ERROR });
    if (!query.has('force') && (await store.exists(m.namespace, filename))) return sendJson(res, 409, { error: 'file already exists' });
    await store.put(m.namespace, filename, content);
    sendJson(res, 201, { saved: true });
  },
  deleteVersion: async (store, _q, res, m) => {
    const filename = `${m.params.name ?? ''}-${m.params.version ?? ''}.tgz`;
    if (!(await store.delete(m.namespace, filename))) {
      return sendJson(res, 404, { error: `remove ${[m.namespace, filename].filter(Boolean).join('/')}: no such file or directory` });
    }
    await store.delete(m.namespace, `${filename}.prov`);
    sendJson(res, 200, { deleted: true });
  },
};
