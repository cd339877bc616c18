/** Handlers for the keyring, repo pins, signing keys and provenance checks. */
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { ChartDeskError } from '../errors';

type ProvenanceMethods =
  | 'listKeys'
  | 'importKeys'
  | 'removeKey'
  | 'listSigningKeys'
  | 'importSigningKey'
  | 'removeSigningKey'
  | 'forgetSigningPassphrase'
  | 'getRepoTrust'
  | 'setRepoTrust'
  | 'verifyChartVersion';

/** A key file sent as base64 (plain, or a data: URL as FileReader gives it). */
export function decodeKeyFile(text: string): Buffer {
  const body = text.replace(/^data:[^,]{0,200};base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) throw new ChartDeskError('bad-request', 'import-key', 'The key file did not arrive as base64.');
  return Buffer.from(body, 'base64');
}

/** The provenance handlers over the context's provenance services. */
export function provenanceHandlers(ctx: CoreContext): Pick<Handlers, ProvenanceMethods> {
  const { provenance } = ctx;
  return {
    listKeys: () => provenance.keyring.list(),
    importKeys: ({ fileName, contentBase64 }) => provenance.keyring.import(decodeKeyFile(contentBase64), fileName.slice(0, 120)),
    removeKey: ({ fingerprint }) => provenance.keyring.remove(fingerprint),
    listSigningKeys: () => provenance.signing.list(),
    importSigningKey: ({ fileName, contentBase64, passphrase }) => provenance.importSigningKey(decodeKeyFile(contentBase64), fileName.slice(0, 120), passphrase),
    removeSigningKey: ({ fingerprint }) => provenance.signing.remove(fingerprint),
    async forgetSigningPassphrase({ fingerprint }) {
      await provenance.signing.forgetPassphrase(fingerprint);
      return { forgotten: true as const };
    },
    async getRepoTrust({ repoId }) {
      await ctx.repos.get(repoId);
      return { repoId, fingerprints: await provenance.trust.get(repoId) };
    },
    async setRepoTrust({ repoId, fingerprints }) {
      await ctx.repos.get(repoId);
      return { repoId, fingerprints: await provenance.trust.set(repoId, fingerprints) };
    },
    async verifyChartVersion({ repoId, name, version }) {
      const { outcome } = await provenance.checkChartVersion(repoId, name, version);
      return { ...outcome, pinned: await provenance.trust.get(repoId) };
    },
  };
}
