import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { authorizationHeader, curlCommand, exportLine, shellQuote } from '../../../renderer/src/features/tokens/copy-formats';

/** What a POSIX shell makes of `line`: its words, printed one per line. */
function shellWords(line: string): string[] {
  return execFileSync('sh', ['-c', `set -- ${line}; for w in "$@"; do printf '%s\\n' "$w"; done`], { encoding: 'utf8' }).split('\n').slice(0, -1);
}

describe('the token copy formats', () => {
  it('build the Authorization header, or the raw token in a custom header as helm-push sends it', () => {
    expect(authorizationHeader('t0k')).toBe('Authorization: Bearer t0k');
    expect(authorizationHeader('t0k', 'X-Auth')).toBe('X-Auth: t0k');
  });

  it('quote so the shell sees exactly the token, even with quotes and spaces in it', () => {
    const nasty = `a'b "c" $HOME \`x\``;
    expect(shellWords(shellQuote(nasty))).toEqual([nasty]);
    expect(shellWords(curlCommand('https://charts.example.com/org1/repo1/', 'eyJ.x.y'))).toEqual([
      'curl',
      '-fsSL',
      '-H',
      'Authorization: Bearer eyJ.x.y',
      'https://charts.example.com/org1/repo1/index.yaml',
    ]);
  });

  it('export the token under the name helm-push reads', () => {
    const out = execFileSync('sh', ['-c', `${exportLine("to'ken")}; printf %s "$HELM_REPO_ACCESS_TOKEN"`], { encoding: 'utf8' });
    expect(out).toBe("to'ken");
  });
});
