import { describe, expect, it } from 'vitest';
import { draftFromForm, emptyForm, formFromRepo, nameFromUrl, validateForm } from '../../../renderer/src/features/repos/repo-form';
import type { Repo } from '../../../renderer/src/features/repos/types';

const repo: Repo = {
  id: 'r1',
  name: 'org1',
  kind: 'http',
  url: 'https://charts.example.com/org1/repo1',
  charts: [],
  auth: { mode: 'token-server', dialect: 'B', username: 'ci', approvedRealmOrigin: 'https://auth.example.com' },
  tls: { insecureSkipVerify: false, caFile: '/etc/ca.pem' },
  passCredentialsAll: false,
  hasSecret: true,
};

describe('the add/edit repo form', () => {
  it('asks for a URL ChartDesk accepts (http, https or cm://) and a user name for basic auth', () => {
    expect(validateForm({ ...emptyForm(), name: 'x', url: 'ftp://example.com' }).url).toMatch(/https:\/\/, http:\/\/ or cm:\/\//);
    expect(validateForm({ ...emptyForm(), name: 'x', url: 'cm://charts.example.com/team' })).toEqual({});
    expect(validateForm({ ...emptyForm(), name: 'x', url: 'https://a.example', mode: 'basic' }).username).toBeDefined();
    expect(validateForm({ ...emptyForm(), name: '', url: '' })).toMatchObject({ name: expect.any(String), url: expect.any(String) });
  });

  it('rejects a header name helm-push could not send, and a client certificate without its key', () => {
    const base = { ...emptyForm(), name: 'x', url: 'https://a.example', mode: 'bearer' as const };
    expect(validateForm({ ...base, headerName: 'X Auth' }).headerName).toBeDefined();
    expect(validateForm({ ...base, headerName: 'X-Auth-Token' }).headerName).toBeUndefined();
    expect(validateForm({ ...base, certFile: '/c.pem' }).keyFile).toBeDefined();
  });

  it('round-trips a repo and keeps the approved token server when edited', () => {
    const form = { ...formFromRepo(repo), name: ' renamed ' };
    const draft = draftFromForm(form, repo);
    expect(draft.name).toBe('renamed');
    expect(draft.auth).toEqual({ mode: 'token-server', dialect: 'B', username: 'ci', approvedRealmOrigin: 'https://auth.example.com' });
    expect(draft.tls).toEqual({ insecureSkipVerify: false, caFile: '/etc/ca.pem' });
  });

  it('drops the fields the chosen auth mode does not use', () => {
    const form = { ...formFromRepo(repo), mode: 'none' as const, headerName: 'X-Token', clientId: 'cd' };
    expect(draftFromForm(form).auth).toEqual({ mode: 'none', dialect: 'auto' });
  });

  it('suggests a name from the URL’s last path parts', () => {
    expect(nameFromUrl('cm://charts.example.com/org1/repo1')).toBe('org1-repo1');
    expect(nameFromUrl('https://charts.example.com')).toBe('charts.example.com');
    expect(nameFromUrl('not a url')).toBe('');
    expect(nameFromUrl('https://charts.example.com/cilium/index.yaml')).toBe('cilium');
  });
});
