import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../core/platform/content-security-policy.ts';
import { serveRenderer } from './app-protocol.ts';

// A built renderer next to a secret it must never serve.
const base = mkdtempSync(path.join(tmpdir(), 'azcred-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log(1)');
writeFileSync(path.join(base, 'secret.js'), 'the vault key');

describe('the app:// protocol', () => {
  it('serves the renderer with the Electron CSP as a header', async () => {
    const response = await serveRenderer(root, 'app://renderer/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>app</title>');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy('electron'));
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('serves built assets with their type', async () => {
    const response = await serveRenderer(root, 'app://renderer/assets/main.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://renderer/../secret.js',
    'app://renderer/%2e%2e/secret.js',
    'app://renderer/..%2fsecret.js',
    'app://renderer/..%5csecret.js',
    'app://renderer/assets/..%2f..%2fsecret.js',
    'app://renderer/%2fetc%2fpasswd.js',
  ])('refuses path traversal: %s', async (url) => {
    const response = await serveRenderer(root, url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('vault key');
  });

  it('refuses other hosts on the scheme', async () => {
    expect((await serveRenderer(root, 'app://elsewhere/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveRenderer(root, 'app://renderer/index.html', 'POST')).status).toBe(405);
    const head = await serveRenderer(root, 'app://renderer/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
