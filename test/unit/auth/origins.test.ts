import { describe, expect, it } from 'vitest';
import { checkRealmOrigin, checkRealmUrl, repoCredentialsAllowed } from '../../../electron/core/auth/origins';
import type { FlowRepo } from '../../../electron/core/auth/types';
import { ChartDeskError } from '../../../electron/core/errors';

function repo(over: Partial<FlowRepo['auth']> = {}, passCredentialsAll = false): FlowRepo {
  return { url: 'https://charts.example.com/org1/repo1', auth: { mode: 'token-server', dialect: 'auto', ...over }, tls: { insecureSkipVerify: false }, passCredentialsAll };
}

function errorOf(fn: () => unknown): ChartDeskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ChartDeskError) return error;
  }
  throw new Error('expected a ChartDeskError');
}

describe('checkRealmOrigin', () => {
  it('accepts a realm on the repo’s host (another port) when none is approved yet', () => {
    expect(checkRealmOrigin(repo(), 'https://charts.example.com:5001/oauth/token')).toBe('https://charts.example.com:5001');
  });

  it('stops at a realm on another host and names it', () => {
    const error = errorOf(() => checkRealmOrigin(repo(), 'https://evil.example.net/token'));
    expect(error.kind).toBe('realm-mismatch');
    expect(error.message).toContain('https://evil.example.net');
    expect(error.message).toMatch(/Approve/);
  });

  it('accepts only the approved origin once one is set, even on the repo’s host', () => {
    const approved = repo({ approvedRealmOrigin: 'https://auth.example.org' });
    expect(checkRealmOrigin(approved, 'https://auth.example.org/token')).toBe('https://auth.example.org');
    const error = errorOf(() => checkRealmOrigin(approved, 'https://charts.example.com:5001/token'));
    expect(error.kind).toBe('realm-mismatch');
    expect(error.message).toContain('https://charts.example.com:5001');
    expect(error.message).toContain('https://auth.example.org');
  });
});

describe('checkRealmUrl', () => {
  it.each([undefined, '', '/relative', 'ftp://x/y', 'http://user:pw@x/y'])('rejects %j as challenge-malformed', (realm) => {
    expect(errorOf(() => checkRealmUrl(realm)).kind).toBe('challenge-malformed');
  });
});

describe('repoCredentialsAllowed', () => {
  it('sends repo credentials to the repo’s origin only, unless passCredentialsAll', () => {
    expect(repoCredentialsAllowed(repo(), 'https://charts.example.com/org1/repo1/charts/a.tgz')).toBe(true);
    expect(repoCredentialsAllowed(repo(), 'https://cdn.example.com/a.tgz')).toBe(false);
    expect(repoCredentialsAllowed(repo(), 'http://charts.example.com/org1/repo1/index.yaml')).toBe(false);
    expect(repoCredentialsAllowed(repo({}, true), 'https://cdn.example.com/a.tgz')).toBe(true);
  });

  it('treats another port as another origin, and a URL that does not parse as no origin at all', () => {
    expect(repoCredentialsAllowed(repo(), 'https://charts.example.com:8443/org1/repo1/index.yaml')).toBe(false);
    expect(repoCredentialsAllowed(repo(), 'not a url')).toBe(false);
  });
});
