import { describe, expect, it } from 'vitest';
import { ChartDeskError } from '../../../electron/core/errors';
import {
  defaultScopes,
  formatScopes,
  grantedActions,
  namespaceOfRepoUrl,
  parseResourceScope,
  parseScopes,
  scopesForOperation,
} from '../../../electron/core/auth/scope';

describe('parseScopes', () => {
  it('reads ChartMuseum’s scope', () => {
    expect(parseScopes('artifact-repository:org1/repo1:pull')).toEqual([{ type: 'artifact-repository', name: 'org1/repo1', actions: ['pull'] }]);
  });

  it('takes the first and last colon, so names may hold host:port', () => {
    expect(parseResourceScope('repository:localhost:5000/team/app:pull,push')).toEqual({ type: 'repository', name: 'localhost:5000/team/app', actions: ['pull', 'push'] });
  });

  it('splits several resource scopes on spaces and keeps wildcard actions', () => {
    expect(parseScopes('  repository:a/b:pull   registry:catalog:* ')).toEqual([
      { type: 'repository', name: 'a/b', actions: ['pull'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
    ]);
  });

  it('round-trips through formatScopes', () => {
    const text = 'artifact-repository:org1/repo1:pull,push repository:h:1/x:pull';
    expect(formatScopes(parseScopes(text))).toBe(text);
  });

  it.each(['nocolon', 'a:b', ':name:pull', 'type::', 'a:b\u0000c:pull'])('rejects %j with challenge-malformed', (text) => {
    try {
      parseResourceScope(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChartDeskError);
      expect((error as ChartDeskError).kind).toBe('challenge-malformed');
    }
  });
});

describe('scopesForOperation', () => {
  it('asks for pull,push when the operation pushes, and leaves other resource types alone', () => {
    const scopes = parseScopes('artifact-repository:org1/repo1:pull registry:catalog:*');
    expect(formatScopes(scopesForOperation(scopes, 'push'))).toBe('artifact-repository:org1/repo1:pull,push registry:catalog:*');
    expect(formatScopes(scopesForOperation(scopes, 'pull'))).toBe('artifact-repository:org1/repo1:pull registry:catalog:*');
  });
});

describe('namespaces', () => {
  it('follows ChartMuseum’s depths, with repo as the default namespace', () => {
    expect(namespaceOfRepoUrl('http://h:8080')).toBe('repo');
    expect(namespaceOfRepoUrl('http://h:8080/team/')).toBe('team');
    expect(namespaceOfRepoUrl('http://h:8080/org1/repo1/index.yaml')).toBe('org1/repo1');
    expect(formatScopes(defaultScopes('http://h/org1/repo1', 'push'))).toBe('artifact-repository:org1/repo1:pull,push');
  });
});

describe('grantedActions', () => {
  it('collects the actions of matching access entries and ignores junk', () => {
    const access = [{ type: 'artifact-repository', name: 'org1/repo1', actions: ['pull'] }, null, 7, { type: 'artifact-repository', name: 'org1/repo1', actions: ['push', 3] }];
    expect(grantedActions(access, 'artifact-repository', 'org1/repo1')).toEqual(['pull', 'push']);
    expect(grantedActions(access, 'artifact-repository', 'org2/repo2')).toEqual([]);
    expect(grantedActions(undefined, 'artifact-repository', 'x')).toBeUndefined();
  });
});
