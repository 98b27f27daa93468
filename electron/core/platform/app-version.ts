import { readFileSync } from 'node:fs';

/** The app's version from package.json, read once. */
export function appVersion(packageJsonUrl: URL): string {
  const pkg = JSON.parse(readFileSync(packageJsonUrl, 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
