import { describe, expect, it } from 'vitest';
import { fromConnect, originToApprove } from '../../../renderer/src/features/auth/outcome';
import { moveBefore, moveId } from '../../../renderer/src/features/repos/reorder';

const challenge = {
  step: 'challenge',
  method: 'HEAD',
  url: 'http://127.0.0.1:8080/org1/repo1/index.yaml',
  status: 401,
  requestHeaders: {},
  responseHeaders: { 'www-authenticate': 'Bearer realm="http://localhost:5001/oauth/token",service="localhost:5001",scope="artifact-repository:org1/repo1:pull"' },
  durationMs: 3,
  bytes: 0,
};

describe('the Connection tab’s reading of a connect', () => {
  it('offers to approve the realm origin named by the challenge when the realm is on another host', () => {
    const error = { kind: 'realm-mismatch', step: 'challenge', message: 'The repo asks for tokens from http://localhost:5001, which is not on the repo’s host. Approve http://localhost:5001 to send this repo’s key there.' };
    expect(originToApprove(fromConnect({ ok: false, trace: [challenge], error }, 'pull'))).toBe('http://localhost:5001');
    // Without a trace, the origin the message names.
    expect(originToApprove(fromConnect({ ok: false, trace: [], error }, 'pull'))).toBe('http://localhost:5001');
  });

  it('offers no approval for other failures', () => {
    const error = { kind: 'token-server-rejected', step: 'token', message: 'The token server rejected the API key.' };
    expect(originToApprove(fromConnect({ ok: false, trace: [challenge], error }, 'pull'))).toBeUndefined();
  });
});

describe('reordering the repo list', () => {
  it('moves one id, clamped at the ends, and drops one onto another’s place', () => {
    expect(moveId(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveId(['a', 'b', 'c'], 'c', 5)).toEqual(['a', 'b', 'c']);
    expect(moveBefore(['a', 'b', 'c'], 'c', 'a')).toEqual(['c', 'a', 'b']);
    expect(moveBefore(['a', 'b', 'c'], 'a', 'c')).toEqual(['b', 'c', 'a']);
  });
});
