import { describe, expect, it } from 'vitest';
import { decideNavigation, decideNewWindow, isAllowedExternalUrl } from './navigation-policy.ts';

describe('external links', () => {
  it.each([
    'https://learn.microsoft.com/azure/remote-rendering/overview/about',
    'https://portal.azure.com/#home',
    'https://github.com/Azure/azure-sdk-for-js',
    'https://login.microsoftonline.com/common/oauth2/v2.0/devicecode',
    'https://LEARN.microsoft.com/en-us/',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://learn.microsoft.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a host not on the list', 'https://example.com/'],
    ['a look-alike suffix', 'https://learn.microsoft.com.evil.com/'],
    ['a look-alike prefix', 'https://evillearn.microsoft.com/'],
    ['user info before the real host', 'https://learn.microsoft.com@evil.com/'],
    ['user info on an allowed host', 'https://user:pass@github.com/'],
    ['an explicit port', 'https://github.com:8443/'],
    ['a trailing-dot host', 'https://github.com./'],
    ['a subdomain', 'https://gist.github.com/'],
    ['the app itself', 'app://renderer/index.html'],
    ['not a URL', 'learn.microsoft.com'],
    ['not a string', 42],
  ])('refuses %s', (_case, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('navigation', () => {
  it('lets the window move within the app', () => {
    expect(decideNavigation('app://renderer/index.html#tokens')).toBe('allow');
  });

  it('sends allowed links to the system browser instead of navigating', () => {
    expect(decideNavigation('https://learn.microsoft.com/')).toBe('open-externally');
  });

  it('drops navigation anywhere else', () => {
    for (const url of ['https://evil.com/', 'file:///etc/passwd', 'app://elsewhere/index.html', 'http://127.0.0.1:3000/']) {
      expect(decideNavigation(url)).toBe('deny');
    }
  });

  it('never opens a new window inside the app, even on the app origin', () => {
    expect(decideNewWindow('app://renderer/index.html')).toBe('deny');
    expect(decideNewWindow('https://portal.azure.com/')).toBe('open-externally');
    expect(decideNewWindow('https://portal.azure.com.evil.com/')).toBe('deny');
  });
});
