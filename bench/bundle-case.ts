import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CaseResult } from './report.ts';
import { summarize } from './stats.ts';

/** The built renderer's code (every .js and .css Vite wrote, lazy chunks included), gzipped at level 9 as a server would send it. */
export async function measureBundle(rendererFolder: string): Promise<CaseResult> {
  const assets = path.join(rendererFolder, 'assets');
  const files = (await readdir(assets)).filter((f) => /\.(js|css)$/.test(f));
  if (files.length === 0) throw new Error(`No .js or .css in ${assets}: build the renderer first.`);
  let raw = 0;
  let gzipped = 0;
  const initial = new Set(
    [...(await readFile(path.join(rendererFolder, 'index.html'), 'utf8')).matchAll(/assets\/([^"']+)/g)].map((m) => m[1]),
  );
  let initialGzipped = 0;
  for (const file of files) {
    const bytes = await readFile(path.join(assets, file));
    const size = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzipped += size;
    if (initial.has(file)) initialGzipped += size;
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return {
    id: 'renderer-bundle',
    title: 'Renderer bundle, gzipped (all chunks)',
    unit: 'KB',
    subject: summarize([kb(gzipped)]),
    target: { kind: 'below', max: 350 },
    note:
      `${files.length} files, ${kb(raw)} KB before gzip; what index.html loads at start is ${kb(initialGzipped)} KB gzipped, the ` +
      `rest loads with the page that needs it.`,
  };
}
