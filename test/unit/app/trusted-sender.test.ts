import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/trusted-sender';
import { isAllowedExternalUrl } from '../../../electron/main/external-links';

describe('IPC sender check', () => {
  it('trusts only the app’s own main frame', () => {
    expect(isTrustedSender({ url: 'app://chartdesk/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://chartdesk/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/app://chartdesk/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://chartdesk.evil/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true })).toBe(false);
  });
});

describe('external links', () => {
  it('open only https URLs on allow-listed hosts', () => {
    expect(isAllowedExternalUrl('https://github.com/helm/chartmuseum')).toBe(true);
    expect(isAllowedExternalUrl('https://docs.github.com/x')).toBe(true);
    expect(isAllowedExternalUrl('http://github.com/helm')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
  });
});
