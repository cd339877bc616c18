import { useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { EmptyState, Loading } from '../../components/States';
import { JwtDetails } from './JwtDetails';
import { TimeFacts } from './TimeFacts';
import { useDecodedJwt } from './useDecodedJwt';
import { VerifyPanel } from './VerifyPanel';
import './tokens.css';

/** The "Inspect a JWT" view: paste any JWT to decode it (header, claims, access, times) and verify its signature. */
export function JwtInspector() {
  const [jwt, setJwt] = useState('');
  const { decoded, problem, busy } = useDecodedJwt(jwt);
  return (
    <div className="inspector" data-testid="jwt-inspector">
      <header className="view-head">
        <h2>Inspect a JWT</h2>
        <p className="muted">Decoding happens on this computer; nothing is sent anywhere. Verification fetches a JWKS URL only if you give one.</p>
      </header>
      <section className="panel">
        <Field label="JWT" hint="Paste a token (eyJ….eyJ….signature). A leading “Bearer ” is fine to leave out.">
          {(p) => (
            <textarea
              {...p}
              className="mono jwt-input"
              rows={5}
              value={jwt}
              onChange={(e) => setJwt(e.target.value.replace(/^\s*(Authorization:\s*)?Bearer\s+/i, ''))}
              spellCheck={false}
              placeholder="eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ…"
              autoFocus
            />
          )}
        </Field>
        {decoded && (
          <div className="inspector-summary">
            <TimeFacts issuedAt={decoded.issuedAt} notBefore={decoded.notBefore} expiresAt={decoded.expiresAt} />
            <span className="muted">alg {String(decoded.header.alg ?? '—')}</span>
          </div>
        )}
      </section>
      {!jwt.trim() && <EmptyState title="Nothing to inspect yet">Paste a JWT above. The Token tab of a repo shows that repo’s own token.</EmptyState>}
      {busy && <Loading label="Decoding…" />}
      {problem && <ErrorBox problem={problem} title="This does not decode as a JWT" testId="decode-error" />}
      {decoded && (
        <>
          <JwtDetails header={decoded.header} claims={decoded.claims} access={decoded.access} />
          <VerifyPanel getJwt={() => Promise.resolve(jwt.trim())} jwtKey={jwt.trim()} />
        </>
      )}
    </div>
  );
}
