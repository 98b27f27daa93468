import { createHash, createPrivateKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata'; // @peculiar/x509's dependency injection reads Reflect metadata at load time
import * as x509 from '@peculiar/x509';

/**
 * The emulator's own PKI: a CA kept in a folder (so test workers and the app can trust it across
 * restarts) and a fresh server certificate per start for 127.0.0.1 and localhost. The CA carries
 * X.509 name constraints permitting loopback names only, so its key (which sits in `.emulator/`)
 * cannot vouch for login.microsoftonline.com or any other real host, wherever the CA is trusted.
 */

// Typed as the global `crypto`: Node's own beside Node's types, the DOM's where the DOM's are loaded too
// (the e2e project), which is what @peculiar/x509's typings name in each.
const crypto = webcrypto as unknown as typeof globalThis.crypto;
// Node's WebCrypto is the provider; its type differs from the DOM `Crypto` the typings name.
x509.cryptoProvider.set(crypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);

const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const dayMs = 86_400_000;

export interface CertificateAuthority {
  certPem: string;
  keys: Awaited<ReturnType<typeof generateRsaKeys>>;
  cert: x509.X509Certificate;
}

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo, for Chromium's `--ignore-certificate-errors-spki-list`. */
  spkiSha256: string;
}

export const caFileName = 'ca.pem';
const caKeyFileName = 'ca-key.pem';

/** The names the emulator's server certificates use, and all its CA's name constraints permit. */
export const loopbackNames: ServerNames = { dns: ['localhost'], ip: ['127.0.0.1', '::1'] };

export interface ServerNames {
  dns: string[];
  ip: string[];
}

/** The X.509 name constraints extension (RFC 5280 §4.2.1.10). */
export const nameConstraintsOid = '2.5.29.30';

/**
 * Reuses the CA in `folder` while it has a day left, carries the loopback name constraints and
 * matches its key, else creates one there (a CA made before the constraints is replaced).
 */
export async function loadOrCreateCertificateAuthority(folder: string): Promise<CertificateAuthority> {
  const certPath = join(folder, caFileName);
  const keyPath = join(folder, caKeyFileName);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8');
    const cert = new x509.X509Certificate(certPem);
    if (cert.notAfter.getTime() > Date.now() + dayMs && cert.getExtension(nameConstraintsOid)) {
      const keyPem = readFileSync(keyPath, 'utf8');
      // Two test runs starting at once may each have written one of the pair: use it only if they match.
      if (new X509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem))) {
        const privateKey = await crypto.subtle.importKey('pkcs8', new Uint8Array(pemBody(keyPem)), rsa, true, ['sign']);
        return { certPem, cert, keys: { privateKey, publicKey: await cert.publicKey.export(rsa, ['verify'], crypto) } };
      }
    }
  }
  const ca = await createCertificateAuthority({ loopbackOnly: true });
  mkdirSync(folder, { recursive: true });
  writeFileAtomically(keyPath, await privateKeyPem(ca.keys.privateKey), 0o600);
  writeFileAtomically(certPath, `${ca.certPem}\n`, 0o644);
  return ca;
}

/**
 * A new CA, kept in memory. `loopbackOnly` gives it the emulator's name constraints; without them
 * it stands for a private cloud's CA (Azure Stack), which tests use to show where the app trusts one.
 */
export async function createCertificateAuthority(options: { loopbackOnly: boolean }): Promise<CertificateAuthority> {
  const keys = await generateRsaKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: options.loopbackOnly
      ? 'CN=Azure Credential Manager emulator CA, O=Azure Credential Manager (test only)'
      : 'CN=Private cloud test CA, O=Azure Credential Manager (test only)',
    notBefore: new Date(Date.now() - dayMs),
    notAfter: new Date(Date.now() + 365 * dayMs),
    keys,
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ...(options.loopbackOnly ? [new x509.Extension(nameConstraintsOid, true, new Uint8Array(permittedNames(loopbackNames)))] : []),
    ],
  });
  return { certPem: cert.toString('pem'), cert, keys };
}

/** A server certificate signed by `ca`, for the emulator's loopback names unless `names` says otherwise. */
export async function createServerCertificate(ca: CertificateAuthority, names: ServerNames = loopbackNames): Promise<ServerCertificate> {
  const keys = await generateRsaKeys();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${names.dns[0] ?? names.ip[0] ?? 'localhost'}`,
    issuer: ca.cert.subject,
    notBefore: new Date(Date.now() - dayMs),
    notAfter: new Date(Date.now() + 30 * dayMs),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.ip.map((value) => ({ type: 'ip' as const, value })),
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ],
  });
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', keys.publicKey));
  return {
    certPem: `${cert.toString('pem')}\n`,
    keyPem: await privateKeyPem(keys.privateKey),
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
  };
}

/** A self-signed client certificate, as a service principal registers for certificate assertions. */
export interface ClientCertificate {
  certPem: string;
  privateKeyPem: string;
  thumbprintSha1: string;
  thumbprintSha256: string;
}

export async function createClientCertificate(commonName: string): Promise<ClientCertificate> {
  const keys = await generateRsaKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=${commonName}`,
    notBefore: new Date(Date.now() - dayMs),
    notAfter: new Date(Date.now() + 365 * dayMs),
    keys,
    signingAlgorithm: rsa,
  });
  const certPem = `${cert.toString('pem')}\n`;
  return { certPem, privateKeyPem: await privateKeyPem(keys.privateKey), ...certificateThumbprints(certPem) };
}

/** Hex thumbprints of a PEM certificate, as Entra and MSAL name them. */
export function certificateThumbprints(certPem: string): { thumbprintSha1: string; thumbprintSha256: string } {
  const der = new X509Certificate(certPem).raw;
  return {
    thumbprintSha1: createHash('sha1').update(der).digest('hex').toUpperCase(),
    thumbprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
}

async function privateKeyPem(key: Awaited<ReturnType<typeof generateRsaKeys>>['privateKey']): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
}

function generateRsaKeys() {
  return crypto.subtle.generateKey(rsa, true, ['sign', 'verify']);
}

/**
 * DER of a NameConstraints value permitting exactly `names`: each IP address with an all-ones mask
 * (a /32 or /128), each DNS name with its subdomains. @peculiar/x509 2.x has no class for it.
 */
function permittedNames(names: ServerNames): Buffer {
  const der = (tag: number, content: Buffer): Buffer => {
    const length = content.length < 0x80 ? Buffer.from([content.length]) : Buffer.from([0x81, content.length]);
    return Buffer.concat([Buffer.from([tag]), length, content]);
  };
  const ipWithMask = (ip: string): Buffer => {
    const address = Buffer.from(ip.includes(':') ? ipv6Bytes(ip) : ip.split('.').map(Number));
    return Buffer.concat([address, Buffer.alloc(address.length, 0xff)]);
  };
  // GeneralSubtree ::= SEQUENCE { base GeneralName }; dNSName is [2] IA5String, iPAddress [7] OCTET STRING.
  const subtrees = [
    ...names.dns.map((name) => der(0x82, Buffer.from(name, 'ascii'))),
    ...names.ip.map((ip) => der(0x87, ipWithMask(ip))),
  ].map((base) => der(0x30, base));
  // NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees }
  return der(0x30, der(0xa0, Buffer.concat(subtrees)));
}

function ipv6Bytes(ip: string): number[] {
  const [head = '', tail = ''] = ip.split('::');
  const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = groups(tail);
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

function writeFileAtomically(file: string, text: string, mode: number): void {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, file);
}

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

function randomSerial(): string {
  // A positive serial: clear the top bit so DER does not read it as negative.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}
