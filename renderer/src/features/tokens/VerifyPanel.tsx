import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { toProblem, type Problem } from '../../components/problem';
import type { JwtVerification } from './types';
import { failureCodeTitle, failureSentence } from './verify-words';

type KeySource = 'pem' | 'jwks';

/**
 * Checks a JWT's signature against a pasted PEM public key or certificate, or a JWKS URL, and
 * says verified or why not. `getJwt` is called at click time (for a token, it reveals it then).
 * The verdict belongs to the key it was made with: changing the key source, the key or `jwtKey`
 * (the token being checked) clears it, and an answer for an older key is dropped.
 */
export function VerifyPanel({ getJwt, jwtKey = '' }: { getJwt: () => Promise<string>; jwtKey?: string }) {
  const radioName = useId();
  const [source, setSource] = useState<KeySource>('pem');
  const [pem, setPem] = useState('');
  const [jwksUrl, setJwksUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ jwtKey: string; result?: JwtVerification; problem?: Problem }>();
  const attempt = useRef(0);
  // A verdict shows only for the token it was made for.
  const result = outcome?.jwtKey === jwtKey ? outcome.result : undefined;
  const problem = outcome?.jwtKey === jwtKey ? outcome.problem : undefined;
  const clear = () => {
    attempt.current += 1;
    setOutcome(undefined);
    setBusy(false);
  };
  const ready = source === 'pem' ? pem.trim().length > 0 : /^https?:\/\/\S+$/.test(jwksUrl.trim());
  const verify = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const mine = attempt.current;
    const forJwt = jwtKey;
    setBusy(true);
    try {
      const jwt = await getJwt();
      const answer = await api.verifyJwt(source === 'pem' ? { jwt, keyPem: pem.trim() } : { jwt, jwksUrl: jwksUrl.trim() });
      if (mine === attempt.current) setOutcome({ jwtKey: forJwt, result: answer });
    } catch (error) {
      if (mine === attempt.current) setOutcome({ jwtKey: forJwt, problem: toProblem(error) });
    } finally {
      if (mine === attempt.current) setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="verify-title" data-testid="verify-panel">
      <h3 id="verify-title" className="section-title">
        Verify the signature
      </h3>
      <form onSubmit={verify} className="verify-form">
        <fieldset className="segmented">
          <legend className="visually-hidden">Key source</legend>
          {(['pem', 'jwks'] as const).map((s) => (
            <label key={s} className={source === s ? 'is-selected' : ''}>
              <input type="radio" name={radioName} value={s} checked={source === s} onChange={() => {
                  setSource(s);
                  clear();
                }}
              />
              {s === 'pem' ? 'PEM key or certificate' : 'JWKS URL'}
            </label>
          ))}
        </fieldset>
        {source === 'pem' ? (
          <Field label="Public key or certificate (PEM)" hint="The token server’s public key or certificate, e.g. the content of server.crt.">
            {(p) => <textarea {...p} rows={5} value={pem} onChange={(e) => {
                  setPem(e.target.value);
                  clear();
                }} placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'} spellCheck={false} className="mono" />}
          </Field>
        ) : (
          <Field label="JWKS URL" hint="Where the issuer publishes its keys, e.g. https://auth.example.com/.well-known/jwks.json.">
            {(p) => <input {...p} value={jwksUrl} onChange={(e) => {
                  setJwksUrl(e.target.value);
                  clear();
                }} placeholder="https://auth.example.com/.well-known/jwks.json" spellCheck={false} />}
          </Field>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!ready || busy}>
            {busy ? 'Verifying…' : 'Verify signature'}
          </button>
        </div>
      </form>
      {result && (
        <div className={`verdict ${result.verified ? 'verdict-ok' : 'verdict-failed'}`} role="status" data-testid="verify-result" data-verified={result.verified}>
          <span className="verdict-icon" aria-hidden="true">
            {result.verified ? '✓' : '✗'}
          </span>
          <div>
            <strong>{result.verified ? 'Signature verified' : 'Not verified'}</strong>
            {!result.verified && <p data-testid="verify-reason">{failureSentence(result)}</p>}
            {!result.verified && result.code && (
              <p className="verdict-code">
                <span className="badge" title={failureCodeTitle(result.code)} data-testid="verify-code">
                  {result.code}
                </span>
              </p>
            )}
            {result.verified && <p className="muted">The token was signed by the holder of this key ({String(result.decoded.header.alg ?? 'unknown alg')}).</p>}
          </div>
        </div>
      )}
      {problem && <ErrorBox problem={problem} title="The signature could not be checked" />}
    </section>
  );
}
