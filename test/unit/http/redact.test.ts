import { describe, expect, it } from 'vitest';
import { maskCredentialValue, maskSecret, REDACTED, redactHeaders, redactText, redactUrl } from '../../../electron/core/http/redact';

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE1NDM5NTk3MjZ9.mhtlO7RWGIlgZSVecnzJpJ2uKpIfa-6CuC4EADktvdmBq9x';

describe('maskSecret', () => {
  it('keeps four characters at each end of a token so tokens can be told apart', () => {
    expect(maskSecret(JWT)).toBe('eyJh…Bq9x');
    expect(maskSecret(JWT)).not.toContain('eyJleHAi');
  });

  it('shows nothing of a short secret such as an API key', () => {
    expect(maskSecret('MASTERKEY')).toBe(REDACTED);
    expect(maskSecret('correct horse battery staple')).toBe(REDACTED);
  });
});

describe('maskCredentialValue', () => {
  it('keeps the scheme and masks the credential', () => {
    expect(maskCredentialValue(`Bearer ${JWT}`)).toBe('Bearer eyJh…Bq9x');
    expect(maskCredentialValue('Bearer MASTERKEY')).toBe(`Bearer ${REDACTED}`);
    expect(maskCredentialValue(`Basic ${Buffer.from('alice:a-rather-long-password-of-40-characters!').toString('base64')}`)).toBe(`Basic ${REDACTED}`);
    expect(maskCredentialValue(JWT)).toBe('eyJh…Bq9x');
  });
});

describe('redactUrl', () => {
  it('keeps ordinary query parameters readable', () => {
    const url = 'http://localhost:5001/oauth/token?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull';
    expect(redactUrl(url)).toBe(url);
  });

  it('masks secret-looking parameters and user info', () => {
    const out = redactUrl(`https://user:hunter2@example.com/x?access_token=${JWT}&api_key=MASTERKEY&page=2#frag`);
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('MASTERKEY');
    expect(out).not.toContain('eyJleHAi');
    expect(out).toContain('page=2');
    expect(out).toContain('access_token=eyJh…Bq9x');
  });

  it('hides a long key or password in the query whole, not by its ends', () => {
    const key = 'k3y-0f-f0rty-characters-k3y-0f-f0rty-ch';
    const out = redactUrl(`https://x/y?api_key=${key}&password=${key}`);
    expect(out).toBe(`https://x/y?api_key=${REDACTED}&password=${REDACTED}`);
  });

  it('scrubs text that is not a URL', () => {
    expect(redactText(`not a url ${JWT}`)).toBe('not a url eyJh…Bq9x');
  });
});

describe('redactText', () => {
  it('replaces every known secret and every JWT', () => {
    const out = redactText(`{"error":"MASTERKEY"} and ${JWT}`, ['MASTERKEY']);
    expect(out).not.toContain('MASTERKEY');
    expect(out).not.toContain(JWT);
  });

  it('hides a known secret whole even when it is long enough to show its ends', () => {
    const key = 'an-api-key-that-is-longer-than-32-characters';
    expect(redactText(`echo: ${key}`, [key])).toBe(`echo: ${REDACTED}`);
  });
});

describe('redactHeaders', () => {
  it('keeps only the chosen headers and masks credential ones, including a custom header', () => {
    const out = redactHeaders(
      { Authorization: `Bearer ${JWT}`, 'X-My-Header': JWT, 'Content-Type': 'application/json', Cookie: 'session=abc', 'X-Other': 'dropped' },
      ['authorization', 'content-type', 'cookie'],
      ['x-my-header'],
    );
    expect(out).toEqual({ authorization: 'Bearer eyJh…Bq9x', 'x-my-header': 'eyJh…Bq9x', 'content-type': 'application/json', cookie: REDACTED });
  });

  it('hides credential values whole when they carry a key rather than a token', () => {
    const key = 'an-api-key-that-is-longer-than-32-characters';
    const out = redactHeaders({ Authorization: `Bearer ${key}`, 'X-My-Header': key }, ['authorization'], ['x-my-header'], [key], true);
    expect(out).toEqual({ authorization: `Bearer ${REDACTED}`, 'x-my-header': REDACTED });
  });

  it('joins repeated headers and redacts location URLs', () => {
    const out = redactHeaders({ 'www-authenticate': ['Basic realm="a"', 'Bearer realm="b"'], location: 'https://x/y?token=abcdef' }, ['www-authenticate', 'location']);
    expect(out['www-authenticate']).toBe('Basic realm="a", Bearer realm="b"');
    expect(out.location).not.toContain('abcdef');
  });
});
