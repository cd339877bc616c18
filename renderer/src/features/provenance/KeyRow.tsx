import type { ReactNode } from 'react';
import { createdWords, groupFingerprint, keyStateWords } from './provenance-words';
import type { KeyInfo } from './types';

/** One key in a list: user ids, fingerprint, algorithm, dates and state, with its buttons on the right. */
export function KeyRow({ info, extra, children }: { info: KeyInfo; extra?: ReactNode; children?: ReactNode }) {
  const state = keyStateWords(info);
  return (
    <li data-testid="key-row" data-fingerprint={info.fingerprint}>
      <div className="keyring-key">
        {(info.userIds.length ? info.userIds : ['(no user id)']).map((id) => (
          <div className="uid" key={id}>
            {id}
          </div>
        ))}
        <code>{groupFingerprint(info.fingerprint)}</code>
        <div className="facts-line">
          {info.algorithm} · {createdWords(info.createdAt)} · <span className={state.bad ? 'bad' : undefined}>{state.text}</span>
          {extra}
        </div>
      </div>
      <div className="keyring-buttons">{children}</div>
    </li>
  );
}
