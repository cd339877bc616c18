/** Creates a repository in a registry through its HTTP API (two blob uploads and a schema-2 manifest). */
import { createHash } from 'node:crypto';

/** The manifest media type Docker distribution 2.8 stores. */
export const SCHEMA2 = 'application/vnd.docker.distribution.manifest.v2+json';

function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

async function expectStatus(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${await res.text()}`);
  return res;
}

async function uploadBlob(registry: string, name: string, auth: string, bytes: Buffer): Promise<string> {
  const digest = digestOf(bytes);
  const start = await expectStatus(await fetch(`${registry}/v2/${name}/blobs/uploads/`, { method: 'POST', headers: { Authorization: auth } }), 202, 'start blob upload');
  const location = new URL(start.headers.get('location') ?? '', registry);
  location.searchParams.set('digest', digest);
  await expectStatus(
    await fetch(location, { method: 'PUT', headers: { Authorization: auth, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(bytes) }),
    201,
    'finish blob upload',
  );
  return digest;
}

/** Pushes a tiny image `name:tag` with a push token (`repository:<name>:pull,push`). */
export async function pushTinyImage(registry: string, name: string, tag: string, token: string): Promise<void> {
  const auth = `Bearer ${token}`;
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }));
  const layer = Buffer.from(`layer of ${name}:${tag}`);
  const configDigest = await uploadBlob(registry, name, auth, config);
  const layerDigest = await uploadBlob(registry, name, auth, layer);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: SCHEMA2,
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: configDigest },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: layerDigest }],
  });
  await expectStatus(
    await fetch(`${registry}/v2/${name}/manifests/${tag}`, { method: 'PUT', headers: { Authorization: auth, 'Content-Type': SCHEMA2 }, body: manifest }),
    201,
    'put manifest',
  );
}
