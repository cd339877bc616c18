import { useState } from 'react';
import { api } from '../../api/client';
import { copyText } from '../../components/clipboard';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { EmptyState, Loading } from '../../components/States';
import { useToasts } from '../../components/Toasts';
import { SHORTCUTS, useShortcut } from '../../hooks/useShortcut';
import { ScopePicker, type Scope } from '../auth/ScopePicker';
import type { Repo } from '../repos/types';
import { AutoRefreshToggle } from './AutoRefreshToggle';
import { JwtDetails } from './JwtDetails';
import { TokenCard } from './TokenCard';
import { useToken } from './useToken';
import { VerifyPanel } from './VerifyPanel';
import './tokens.css';

/** The Token tab: the repo's current token for a scope, decoded, with copies, auto-refresh and a signature check. */
export function TokenTab({ repo }: { repo: Repo }) {
  const [scope, setScope] = useState<Scope>('pull');
  const usesTokens = repo.auth.mode === 'token-server' || repo.auth.mode === 'bearer';
  const { state, load } = useToken(repo.id, scope, usesTokens);
  const toasts = useToasts();
  const reveal = async () => (await api.revealToken({ repoId: repo.id, scope })).token;
  const ready = state?.status === 'ready';
  useShortcut(SHORTCUTS.refresh, () => load(true), usesTokens);
  useShortcut(
    SHORTCUTS.copyToken,
    () =>
      void reveal()
        .then(copyText)
        .then(
          () => toasts.show('Token copied', 'ok'),
          (error: unknown) => toasts.show(`Could not copy: ${toProblem(error).message}`, 'error'),
        ),
    ready,
  );

  if (!usesTokens) {
    return (
      <EmptyState title="This repo does not use tokens" testId="token-none">
        <p>
          It is set up for {repo.auth.mode === 'basic' ? 'basic authentication' : 'public access'}. Edit the repo and choose <strong>Token server</strong> or <strong>Static bearer token</strong> if
          it expects a bearer token. You can still inspect any JWT with <strong>Inspect a JWT</strong> in the title bar.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="token-tab">
      <div className="toolbar">
        {repo.auth.mode === 'token-server' && <ScopePicker value={scope} onChange={setScope} />}
        <button type="button" onClick={() => load(true)} disabled={state?.status === 'loading'} title="Ctrl+R">
          Get a fresh token
        </button>
        {repo.auth.mode === 'token-server' && <AutoRefreshToggle key={`${repo.id}|${scope}`} repoId={repo.id} scope={scope} />}
      </div>
      {state?.status === 'loading' && <Loading label="Asking for a token…" />}
      {state?.status === 'error' && (
        <ErrorBox problem={toProblem(state.error)} title="No token" testId="token-error">
          <button type="button" onClick={() => load(true)}>
            Try again
          </button>
          <span className="muted">The Connection tab shows each step of the flow.</span>
        </ErrorBox>
      )}
      {state?.status === 'ready' && (
        <>
          <TokenCard key={state.value.masked} token={state.value} reveal={reveal} repoUrl={repo.url} headerName={repo.auth.headerName} />
          {state.value.isJwt ? <JwtDetails header={state.value.header} claims={state.value.claims} access={state.value.access} /> : <p className="muted">This token is not a JWT, so there are no claims to decode.</p>}
          {state.value.isJwt && <VerifyPanel getJwt={reveal} jwtKey={state.value.masked} />}
        </>
      )}
    </div>
  );
}
