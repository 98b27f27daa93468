import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

// electron-builder is never run here (it downloads Electron), so its config is checked as data:
// it parses, matches electron-builder's own JSON schema, and holds what packaging depends on.
const root = path.resolve(import.meta.dirname, '../..');
// js-yaml is what electron-builder itself reads YAML with (here through its dependencies, untyped).
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Target {
  target: string[];
  category?: string;
}
const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  linux: Target;
  mac: Target;
  win: Target;
};

describe('electron-builder.yml', () => {
  it("matches electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names the app and packs dist/ and package.json into an asar', () => {
    expect(config['productName']).toBe('Azure Credential Manager');
    expect(config['appId']).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config['files']).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config['asar']).toBe(true);
  });

  it("keeps keytar's native module outside the asar and rebuilds it for the target", () => {
    expect(config['asarUnpack']).toContain('**/node_modules/keytar/**');
    expect(config['npmRebuild']).not.toBe(false);
  });

  it('builds AppImage and deb, a dmg and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Development');
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('turns off the fuses that would let anyone run the packaged binary as Node', () => {
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('starts from the bundle the build writes', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });
});
