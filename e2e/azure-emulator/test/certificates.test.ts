import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { LookupFunction } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata'; // @peculiar/x509's dependency injection reads Reflect metadata at load time
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caFileName,
  createCertificateAuthority,
  createServerCertificate,
  loadOrCreateCertificateAuthority,
  nameConstraintsOid,
  type CertificateAuthority,
  type ServerNames,
} from '../certificates.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-emulator-ca-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The permitted names of a NameConstraints extension, read with @peculiar/x509's GeneralName for each subtree's base. */
function permittedNames(cert: x509.X509Certificate): { critical: boolean; permitted: string[]; excluded: boolean } | undefined {
  const extension = cert.getExtension(nameConstraintsOid);
  if (!extension) return undefined;
  const der = Buffer.from(extension.value);
  // SEQUENCE { [0] permittedSubtrees, [1] excludedSubtrees }: lengths here are all short-form.
  const read = (at: number) => ({ tag: der[at] ?? 0, length: der[at + 1] ?? 0, start: at + 2 });
  const outer = read(0);
  const subtrees = read(outer.start);
  const permitted: string[] = [];
  for (let at = subtrees.start; at < subtrees.start + subtrees.length;) {
    const subtree = read(at);
    const name = new x509.GeneralName(new Uint8Array(der.subarray(subtree.start, subtree.start + subtree.length)));
    permitted.push(`${name.type}:${name.value}`);
    at = subtree.start + subtree.length;
  }
  return { critical: extension.critical, permitted, excluded: subtrees.start + subtrees.length < outer.start + outer.length };
}

const loopback: LookupFunction = (_hostname, options, callback) => {
  if ((options as { all?: boolean }).all)
    (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

/** Whether a client trusting only `ca` accepts a loopback server presenting a certificate for `names`, reached as `host`. */
async function accepted(ca: CertificateAuthority, names: ServerNames, host: string): Promise<boolean | string> {
  const certificate = await createServerCertificate(ca, names);
  const server = createServer({ key: certificate.keyPem, cert: certificate.certPem }, (_req, res) => res.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  try {
    return await new Promise<boolean | string>((resolve) => {
      request({ host, port, ca: [ca.certPem], agent: false, lookup: loopback }, (res) => {
        res.resume();
        resolve(true);
      })
        .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
        .end();
    });
  } finally {
    server.close();
  }
}

describe("the emulator's CA", () => {
  it('carries critical name constraints permitting only the loopback names its certificates use', async () => {
    const ca = await loadOrCreateCertificateAuthority(path.join(folder, 'new'));
    expect(permittedNames(ca.cert)).toEqual({
      critical: true,
      permitted: ['dns:localhost', 'ip:127.0.0.1/32', 'ip:::1/128'],
      excluded: false,
    });
    const server = new x509.X509Certificate((await createServerCertificate(ca)).certPem);
    const names = server.getExtension(x509.SubjectAlternativeNameExtension)?.names.items.map((n) => `${n.type}:${n.value}`);
    expect(names?.sort()).toEqual(['dns:localhost', 'ip:127.0.0.1', 'ip:::1']);
  });

  it('cannot vouch for login.microsoftonline.com even where it is trusted, while a CA without constraints can', async () => {
    const emulatorCa = await createCertificateAuthority({ loopbackOnly: true });
    expect(await accepted(emulatorCa, { dns: ['localhost'], ip: [] }, 'localhost')).toBe(true);
    expect(await accepted(emulatorCa, { dns: ['login.microsoftonline.com'], ip: [] }, 'login.microsoftonline.com')).not.toBe(true);
    const unconstrained = await createCertificateAuthority({ loopbackOnly: false });
    expect(await accepted(unconstrained, { dns: ['login.microsoftonline.com'], ip: [] }, 'login.microsoftonline.com')).toBe(true);
  });

  it('replaces a CA kept from before the name constraints, and keeps one that has them', async () => {
    const kept = path.join(folder, 'old');
    const first = await loadOrCreateCertificateAuthority(kept);
    // A CA made by the earlier code: same folder layout, no constraints.
    const old = await createCertificateAuthority({ loopbackOnly: false });
    await writeFile(path.join(kept, caFileName), `${old.certPem}\n`);
    const replaced = await loadOrCreateCertificateAuthority(kept);
    expect(replaced.certPem).not.toBe(old.certPem);
    expect(replaced.certPem).not.toBe(first.certPem);
    expect(permittedNames(replaced.cert)?.permitted).toContain('dns:localhost');
    expect((await loadOrCreateCertificateAuthority(kept)).certPem.trim()).toBe(replaced.certPem.trim());
  });
});
