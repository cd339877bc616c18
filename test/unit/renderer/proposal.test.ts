/** Applying a probe's proposal to the repo dialog's form. */
import { describe, expect, it } from 'vitest';
import { applyProposal, followsProposal, proposalWords } from '../../../renderer/src/features/repos/proposal';
import { emptyForm } from '../../../renderer/src/features/repos/repo-form';
import type { RepoProposal } from '../../../renderer/src/features/repos/types';

const tokenServer: RepoProposal = { kind: 'http', url: 'http://localhost:8080/org1/repo1', mode: 'token-server', dialect: 'A', needsSecret: true, needsUsername: false };
const registry: RepoProposal = { kind: 'oci', url: 'oci://localhost:5002/charts', mode: 'none', dialect: 'auto', plainHttp: true, needsSecret: false, needsUsername: false };

describe('a proposal in the repo form', () => {
  it('fills in the auth settings and leaves the typed URL unless the fix is taken', () => {
    const typed = { ...emptyForm(), url: 'http://localhost:8080/org1/repo1/extra', name: 'mine' };
    const applied = applyProposal(typed, tokenServer, false);
    expect(applied).toMatchObject({ url: typed.url, name: 'mine', mode: 'token-server', dialect: 'A' });
    expect(applyProposal(typed, tokenServer, true).url).toBe(tokenServer.url);
    expect(followsProposal(applied, tokenServer)).toBe(true);
    expect(followsProposal({ ...applied, dialect: 'B' }, tokenServer)).toBe(false);
    expect(followsProposal({ ...applied, mode: 'basic' }, tokenServer)).toBe(false);
  });

  it('takes a registry location with its plain HTTP setting', () => {
    const applied = applyProposal({ ...emptyForm(), url: 'http://localhost:5002/charts', mode: 'token-server' }, registry, true);
    expect(applied).toMatchObject({ url: 'oci://localhost:5002/charts', mode: 'none', plainHttp: true });
  });

  it('says what it proposes in a few words', () => {
    expect(proposalWords(tokenServer)).toBe('chart repo, token server (dialect A)');
    expect(proposalWords(registry)).toBe('OCI registry, no login');
    expect(proposalWords({ ...registry, mode: 'basic' })).toBe('OCI registry, user name and password');
  });
});
