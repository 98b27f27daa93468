import type { IdentityKind, IdentityView } from '../../../shared/identities.ts';
import { formatWhen } from '../../components/when.ts';

export const kindLabels: Record<IdentityKind, string> = {
  user: 'User',
  'service-principal': 'Service principal',
};

/** How long before a certificate's expiry the list starts warning. */
const expiryWarningDays = 30;

export interface SignsInWith {
  /** "Browser (interactive)", "Device code", "Client secret" or "Certificate". */
  label: string;
  /** The certificate's expiry: "expires Jun 1, 2026, 12:00 PM (in 365 days)". */
  detail?: string;
  /** A certificate that has expired or expires soon. */
  warning?: 'expired' | 'expiring';
}

/** How the identity proves itself: a user's sign-in method, or a service principal's credential and its expiry. */
export function signsInWith(identity: IdentityView, now: number, locale?: string): SignsInWith {
  if (identity.kind === 'user') return { label: identity.signedInWith === 'device-code' ? 'Device code' : 'Browser (interactive)' };
  if (identity.credential !== 'certificate') return { label: 'Client secret' };
  const expires = identity.certificateExpiresOn ? Date.parse(identity.certificateExpiresOn) : Number.NaN;
  if (Number.isNaN(expires)) return { label: 'Certificate' };
  const date = formatWhen(identity.certificateExpiresOn ?? '', now, locale);
  if (expires <= now) return { label: 'Certificate', detail: `expired ${date}`, warning: 'expired' };
  return {
    label: 'Certificate',
    detail: `expires ${date}`,
    ...(expires - now < expiryWarningDays * 86_400_000 ? { warning: 'expiring' as const } : {}),
  };
}

/** The name shown: the one given here, or, for a service principal known only by its application ID, its display name in Microsoft Graph. */
export function identityTitle(identity: IdentityView): string {
  return identity.kind === 'service-principal' && identity.name === identity.clientId && identity.directoryName
    ? identity.directoryName
    : identity.name;
}

/** The line under the name: a user's sign-in name, or a service principal's application ID (unless that is the name shown). */
export function identitySubtitle(identity: IdentityView): string {
  if (identity.kind === 'user') return identity.username ?? '';
  return identityTitle(identity) === identity.clientId ? '' : `App ID ${identity.clientId}`;
}
