import { createHash, createPrivateKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata'; // @peculiar/x509's dependency injection reads Reflect metadata at load time
import * as x509 from '@peculiar/x509';

/**
 * The emulator's own PKI: a CA kept in a folder (so test workers and the app can trust it across
 * restarts) and a fresh server certificate per start for 127.0.0.1 and localhost.
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

/** Reuses the CA in `folder` while it has a day left, else creates one there. */
export async function loadOrCreateCertificateAuthority(folder: string): Promise<CertificateAuthority> {
  const certPath = join(folder, caFileName);
  const keyPath = join(folder, caKeyFileName);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8');
    const cert = new x509.X509Certificate(certPem);
    if (cert.notAfter.getTime() > Date.now() + dayMs) {
      const privateKey = await crypto.subtle.importKey('pkcs8', new Uint8Array(pemBody(readFileSync(keyPath, 'utf8'))), rsa, true, ['sign']);
      return { certPem, cert, keys: { privateKey, publicKey: await cert.publicKey.export(rsa, ['verify'], crypto) } };
    }
  }
  const keys = await generateRsaKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: 'CN=Azure Credential Manager emulator CA, O=Azure Credential Manager (test only)',
    notBefore: new Date(Date.now() - dayMs),
    notAfter: new Date(Date.now() + 365 * dayMs),
    keys,
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const certPem = cert.toString('pem');
  mkdirSync(folder, { recursive: true });
  writeFileSync(keyPath, await privateKeyPem(keys.privateKey), { mode: 0o600 });
  writeFileSync(certPath, `${certPem}\n`);
  return { certPem, cert, keys };
}

export async function createServerCertificate(ca: CertificateAuthority): Promise<ServerCertificate> {
  const keys = await generateRsaKeys();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: 'CN=127.0.0.1',
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
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
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

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

function randomSerial(): string {
  // A positive serial: clear the top bit so DER does not read it as negative.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}
