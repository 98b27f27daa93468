import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile } from './static-files.ts';

let parent: string;
let root: string;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'azcred-static-'));
  root = path.join(parent, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(path.join(parent, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('readStaticFile', () => {
  it('serves built assets as immutable and the app page for its own routes', async () => {
    expect(await readStaticFile(root, '/assets/app-1234.js')).toMatchObject({
      contentType: 'text/javascript; charset=utf-8',
      immutable: true,
    });
    expect((await readStaticFile(root, '/accounts'))?.body.toString()).toBe('<!doctype html>');
  });

  it('refuses paths that leave the renderer folder', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%5csecret.txt',
      '/%ff.txt',
    ]) {
      expect(await readStaticFile(root, attempt), attempt).toBeUndefined();
    }
  });
});
