import { createPrivateKey, X509Certificate } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import type { ClientCredential } from './msal-apps.ts';

/**
 * A service principal's certificate credential from the PEM a user pastes or picks: the private
 * key and the certificate (the same file, or two). Entra identifies the certificate by its
 * SHA-256 thumbprint (x5t#S256); the private key alone goes into the vault.
 */
export interface CertificateCredential {
  privateKeyPem: string;
  certificatePem: string;
  thumbprintSha256: string;
  /** When the certificate stops being valid, for the identities list. */
  notAfter: string;
  subject: string;
}

const certificatePattern = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const privateKeyPattern = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

export function readCertificateCredential(pem: string): CertificateCredential {
  const certificateText = certificatePattern.exec(pem)?.[0];
  const keyText = privateKeyPattern.exec(pem)?.[0];
  const issues = [
    ...(certificateText
      ? []
      : [
          {
            path: 'certificatePem',
            message: 'The PEM has no certificate (-----BEGIN CERTIFICATE-----): include the certificate with the private key',
          },
        ]),
    ...(keyText
      ? []
      : [
          {
            path: 'certificatePem',
            message: 'The PEM has no private key (-----BEGIN PRIVATE KEY-----): include the private key with the certificate',
          },
        ]),
  ];
  if (!certificateText || !keyText)
    throw new AppError('invalid_input', 'The certificate PEM must hold both the certificate and its private key.', issues);
  if (keyText.includes('ENCRYPTED'))
    throw new AppError(
      'invalid_input',
      'The private key is encrypted: export it without a password (for example `openssl pkey -in key.pem -out plain.pem`).',
      [{ path: 'certificatePem', message: 'Encrypted private keys are not supported' }],
    );
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificateText);
  } catch {
    throw new AppError('invalid_input', 'The certificate in the PEM cannot be read.', [
      { path: 'certificatePem', message: 'The certificate is damaged' },
    ]);
  }
  if (!keyMatches(certificate, keyText))
    throw new AppError('invalid_input', 'The private key does not belong to the certificate.', [
      { path: 'certificatePem', message: 'The key and certificate do not match' },
    ]);
  if (Date.parse(certificate.validTo) < Date.now()) {
    throw new AppError(
      'invalid_input',
      `The certificate expired on ${new Date(certificate.validTo).toISOString().slice(0, 10)}: upload a new one to the app ` +
        `registration and use it here.`,
      [{ path: 'certificatePem', message: 'The certificate has expired' }],
    );
  }
  return {
    privateKeyPem: keyText,
    certificatePem: certificateText,
    thumbprintSha256: certificate.fingerprint256.replaceAll(':', '').toLowerCase(),
    notAfter: new Date(certificate.validTo).toISOString(),
    subject: certificate.subject,
  };
}

export function certificateClientCredential(
  credential: Pick<CertificateCredential, 'privateKeyPem' | 'thumbprintSha256' | 'certificatePem'>,
): ClientCredential {
  return {
    clientCertificate: {
      thumbprintSha256: credential.thumbprintSha256,
      privateKey: credential.privateKeyPem,
      x5c: credential.certificatePem,
    },
  };
}

function keyMatches(certificate: X509Certificate, keyText: string): boolean {
  try {
    return certificate.checkPrivateKey(createPrivateKey(keyText));
  } catch {
    throw new AppError('invalid_input', 'The private key in the PEM cannot be read.', [
      { path: 'certificatePem', message: 'The private key is damaged' },
    ]);
  }
}
