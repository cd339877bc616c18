/** User info in URLs (`https://user:pass@host`) is redacted everywhere and never sent as a credential. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTrace } from '../../../electron/core/http/trace-format';
import { REDACTED, redactText, redactUrl, withoutUserInfo } from '../../../electron/core/http/redact';
import { traceOfError } from '../../../electron/core/auth/flow';
import { startHttp, type TestServer } from '../../unit/http/servers';
import { creds, failureOf, flowClients, repoAt } from './helpers';

const PASSWORD = 'pw-in-url-Zq81';
const clients = flowClients();
let other: TestServer;
let server: TestServer;

beforeAll(async () => {
  other = await startHttp((req, res) => res.end(`auth=${req.headers.authorization ?? 'none'}`));
  const otherWithUser = other.origin.replace('http://', `http://mallory:${PASSWORD}@`);
  server = await startHttp((req, res) => {
    const path = req.url ?? '/';
    if (path === '/echo') return void res.end(`auth=${req.headers.authorization ?? 'none'}`);
    if (path === '/to-other') return void res.writeHead(302, { location: `${otherWithUser}/landing` }).end();
    if (path === '/to-self') return void res.writeHead(302, { location: `http://eve:${PASSWORD}@${req.headers.host}/echo` }).end();
    if (path === '/realm-with-user/index.yaml') {
      res.writeHead(401, { 'www-authenticate': `Bearer realm="http://svc:${PASSWORD}@${req.headers.host}/token",service="x",scope="repository:a:pull"` });
      return void res.end();
    }
    res.statusCode = 404;
    res.end();
  });
});
afterAll(async () => {
  await clients.closeAll();
  await Promise.all([server.close(), other.close()]);
});

describe('redaction', () => {
  it('removes user info from URLs inside free text, however the password is spelled', () => {
    const text = `realm="https://svc:${PASSWORD}@auth.example.com/token",service="x" and https://a@b:p@host.example/p?q=1 but not mail@example.com`;
    const out = redactText(text);
    expect(out).not.toContain(PASSWORD);
    expect(out).toContain(`realm="https://${REDACTED}@auth.example.com/token"`);
    expect(out).toContain(`https://${REDACTED}@host.example/p?q=1`);
    expect(out).toContain('mail@example.com');
    expect(redactUrl(`https://example.com/x?next=https://u:${PASSWORD}@elsewhere/`)).not.toContain(PASSWORD);
  });

  it('takes user info off a URL and says whether there was any', () => {
    expect(withoutUserInfo(`https://u:${PASSWORD}@example.com/a?b=1`)).toEqual({ url: 'https://example.com/a?b=1', hadUserInfo: true });
    expect(withoutUserInfo('https://example.com/a@b')).toEqual({ url: 'https://example.com/a@b', hadUserInfo: false });
  });
});

describe('user info is never a credential', () => {
  it('sends a request whose URL holds user info without them, and says so in the trace', async () => {
    const url = server.origin.replace('http://', `http://alice:${PASSWORD}@`);
    const res = await clients.make().request({ repo: repoAt(`${server.origin}/`, { mode: 'none' }), credentials: creds(), url: `${url}/echo` });
    expect(res.body.toString()).toBe('auth=none');
    const text = formatTrace(res.trace);
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain('removed it');
  });

  it('follows a redirect to another origin whose Location carries user info without using them, and redacts them', async () => {
    const res = await clients.make().request({ repo: repoAt(`${server.origin}/`, { mode: 'none' }), credentials: creds(), url: `${server.origin}/to-other` });
    expect(res.body.toString()).toBe('auth=none');
    expect(JSON.stringify(res.trace)).not.toContain(PASSWORD);
    expect(res.trace.find((e) => e.responseHeaders.location)?.responseHeaders.location).toContain(`${REDACTED}@`);
  });

  it('does not turn same-origin redirect user info into Basic auth', async () => {
    const res = await clients.make().request({ repo: repoAt(`${server.origin}/`, { mode: 'none' }), credentials: creds(), url: `${server.origin}/to-self` });
    expect(res.body.toString()).toBe('auth=none');
    expect(JSON.stringify(res.trace)).not.toContain(PASSWORD);
  });

  it('refuses a challenge realm with user info, without echoing it in the error or the trace', async () => {
    const flow = clients.make();
    const error = await failureOf(flow.request({ repo: repoAt(`${server.origin}/realm-with-user`), credentials: creds('MASTERKEY'), url: `${server.origin}/realm-with-user/index.yaml` }));
    expect(error.kind).toBe('challenge-malformed');
    expect(error.message).toContain('user name or password');
    expect(error.message).not.toContain(PASSWORD);
    const trace = traceOfError(error) ?? [];
    expect(trace.length).toBeGreaterThan(0);
    expect(JSON.stringify(trace)).not.toContain(PASSWORD);
    expect(trace[0]?.responseHeaders['www-authenticate']).toContain(`${REDACTED}@`);
  });
});
