/** Which keys a repo trusts: fingerprints pinned per repo id in <dataDir>/provenance/repo-trust.json (not in repos.json). */
import path from 'node:path';
import { ChartDeskError } from '../errors';
import { createDurableFile, type DurableFileOptions } from '../store/durable-file';
import { provenanceDir } from './keyring';
import { MAX_KEYS } from './limits';
import { normalizeFingerprint, repoTrustFormat, type RepoTrustDoc } from './store-formats';

/** The pins. */
export interface RepoTrust {
  /** The fingerprints a repo pins; empty means any key in the keyring. */
  get(repoId: string): Promise<string[]>;
  /** Replaces a repo's pins (an empty list removes them). */
  set(repoId: string, fingerprints: readonly string[]): Promise<string[]>;
  /** Forgets a removed repo's pins. */
  forget(repoId: string): Promise<void>;
}

/** Creates the pin store. */
export function createRepoTrust(deps: { dataDir: string; notify: DurableFileOptions<RepoTrustDoc>['notify'] }): RepoTrust {
  const file = createDurableFile({ path: path.join(provenanceDir(deps.dataDir), 'repo-trust.json'), format: repoTrustFormat, what: 'the keys your repos trust', notify: deps.notify });
  return {
    async get(repoId) {
      const doc = await file.read();
      return Object.hasOwn(doc.repos, repoId) ? [...(doc.repos[repoId]?.fingerprints ?? [])] : [];
    },
    async set(repoId, fingerprints) {
      const clean = [...new Set(fingerprints.map((f) => {
        const hex = normalizeFingerprint(f);
        if (!hex) throw new ChartDeskError('bad-request', 'pin-key', `“${f.slice(0, 80)}” is not a key fingerprint (40 hex digits).`);
        return hex;
      }))];
      if (clean.length > MAX_KEYS) throw new ChartDeskError('too-large', 'pin-key', `A repo can pin at most ${MAX_KEYS} keys.`);
      await file.update((doc) => {
        const { [repoId]: _old, ...rest } = doc.repos;
        return { next: { ...doc, repos: clean.length ? { ...rest, [repoId]: { fingerprints: clean } } : rest }, result: undefined };
      });
      return clean;
    },
    async forget(repoId) {
      const doc = await file.read();
      if (!Object.hasOwn(doc.repos, repoId)) return;
      await file.update((latest) => {
        const { [repoId]: _old, ...rest } = latest.repos;
        return { next: { ...latest, repos: rest }, result: undefined };
      });
    },
  };
}
