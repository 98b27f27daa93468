import type { MethodInput } from '../../../shared/contract.ts';

/** What the Add service principal dialog holds while the user types. */
export interface ServicePrincipalForm {
  cloud: string;
  tenant: string;
  clientId: string;
  name: string;
  credential: 'secret' | 'certificate';
  clientSecret: string;
  certificatePem: string;
}

export const servicePrincipalFields = ['cloud', 'tenant', 'clientId', 'name', 'clientSecret', 'certificatePem'] as const;

export function emptyServicePrincipalForm(cloud: string): ServicePrincipalForm {
  return { cloud, tenant: '', clientId: '', name: '', credential: 'secret', clientSecret: '', certificatePem: '' };
}

/**
 * The contract's input: only the chosen credential is sent (the other may still hold what the user
 * typed before switching), and an empty name is left out so the core uses the app's own name.
 */
export function servicePrincipalInput(form: ServicePrincipalForm): MethodInput<'identities.addServicePrincipal'> {
  const common = { cloud: form.cloud, tenant: form.tenant, clientId: form.clientId, ...(form.name.trim() ? { name: form.name } : {}) };
  return form.credential === 'secret' ? { ...common, clientSecret: form.clientSecret } : { ...common, certificatePem: form.certificatePem };
}

/** The same file picked twice, or a private key file picked after the certificate: both parts in one PEM. */
export function addPemPart(current: string, picked: string): string {
  const text = picked.trim();
  if (!current.trim() || current.includes(text)) return current.includes(text) ? current : `${text}\n`;
  const hasCert = /-----BEGIN CERTIFICATE-----/.test(current);
  const hasKey = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(current);
  const pickedCert = /-----BEGIN CERTIFICATE-----/.test(text);
  const pickedKey = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text);
  // The picked file completes what is there: keep both; otherwise it replaces it.
  if ((hasCert && !hasKey && pickedKey && !pickedCert) || (hasKey && !hasCert && pickedCert && !pickedKey))
    return `${current.trim()}\n${text}\n`;
  return `${text}\n`;
}
