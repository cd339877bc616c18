/** Applying a probe's proposal to the repo dialog's form, and telling whether the form follows it. */
import { modeForUrl, type RepoForm } from './repo-form';
import type { RepoProposal } from './types';

/** The form with the proposal's auth settings (and, with `withUrl`, its URL and plain HTTP too). */
export function applyProposal(form: RepoForm, proposal: RepoProposal, withUrl: boolean): RepoForm {
  const url = withUrl ? proposal.url : form.url;
  return {
    ...form,
    url,
    mode: modeForUrl(proposal.mode, url),
    dialect: proposal.mode === 'token-server' ? proposal.dialect : form.dialect,
    ...(withUrl && proposal.kind === 'oci' && proposal.plainHttp !== undefined ? { plainHttp: proposal.plainHttp } : {}),
  };
}

/** True when the form's auth settings are the proposal's. */
export function followsProposal(form: RepoForm, proposal: RepoProposal): boolean {
  return form.mode === proposal.mode && (proposal.mode !== 'token-server' || form.dialect === proposal.dialect);
}

/** The proposal in a few words ("Token server, dialect A"). */
export function proposalWords(proposal: RepoProposal): string {
  const kind = proposal.kind === 'oci' ? 'OCI registry' : 'chart repo';
  if (proposal.mode === 'none') return `${kind}, no login`;
  if (proposal.mode === 'basic') return `${kind}, user name and password`;
  if (proposal.mode === 'token-server') return `${kind}, token server${proposal.dialect === 'auto' ? '' : ` (dialect ${proposal.dialect})`}`;
  return kind;
}
