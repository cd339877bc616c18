import { RevealedSecret } from '../auth/RevealedSecret';
import { TimeFacts } from './TimeFacts';
import { TokenCopyButtons } from './TokenCopyButtons';
import type { TokenView } from './types';

/** The token itself: masked until revealed, its lifetime and origin, and the copy buttons. */
export function TokenCard({ token, reveal, repoUrl, headerName }: { token: TokenView; reveal: () => Promise<string>; repoUrl: string; headerName?: string | undefined }) {
  return (
    <section className="panel token-card" aria-labelledby="token-title" data-testid="token-card">
      <div className="panel-head">
        <h3 id="token-title" className="section-title">
          {token.isJwt ? 'Token (JWT)' : 'Token (opaque)'}
        </h3>
        <TimeFacts issuedAt={token.issuedAt} expiresAt={token.expiresAt} />
      </div>
      <RevealedSecret reveal={reveal} masked={token.masked} label="token" testId="token-value" />
      <dl className="facts facts-wide">
        <div>
          <dt>Scope</dt>
          <dd>
            <code>{token.scope}</code>
          </dd>
        </div>
        {token.realm && (
          <div>
            <dt>Token server</dt>
            <dd>
              <code>{token.realm}</code>
            </dd>
          </div>
        )}
        {token.service && (
          <div>
            <dt>Service</dt>
            <dd>
              <code>{token.service}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>Dialect</dt>
          <dd>{token.dialect ?? 'static token'}</dd>
        </div>
      </dl>
      <TokenCopyButtons reveal={reveal} repoUrl={repoUrl} headerName={headerName} />
    </section>
  );
}
