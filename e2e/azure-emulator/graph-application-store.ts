import type { EmulatorContext } from './emulator-context.ts';

/**
 * The applications registered through Microsoft Graph while an emulator runs (graph-applications.ts serves them), kept apart from the
 * routes so Entra's sign-in pages can ask about them without importing Graph's.
 */

export interface ResourceAccess {
  id: string;
  type: 'Scope' | 'Role';
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: ResourceAccess[];
}

/** An application object as Graph keeps it (the fields the app sets and reads). */
export interface GraphApplication {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  tenant: string;
  createdDateTime: string;
  isFallbackPublicClient: boolean;
  publicClient: { redirectUris: string[] };
  requiredResourceAccess: RequiredResourceAccess[];
}

export interface ApplicationsState {
  applications: Map<string, GraphApplication>;
  /** Object ids of the service principals created here, by appId. */
  servicePrincipals: Map<string, string>;
}

const states = new WeakMap<EmulatorContext, ApplicationsState>();

/** The applications registered through Graph while this emulator runs. */
export function applicationsOf(context: EmulatorContext): ApplicationsState {
  let state = states.get(context);
  if (!state) {
    state = { applications: new Map(), servicePrincipals: new Map() };
    states.set(context, state);
  }
  return state;
}

/** An app registered through Graph is not first-party: a user signs in to it the first time only after consenting on the sign-in page. */
export function registeredAppNeedsConsent(context: EmulatorContext, clientId: string, userId: string): boolean {
  const registered = [...applicationsOf(context).applications.values()].some((a) => a.appId === clientId.toLowerCase());
  return registered && !context.entra.consents.has(`${userId} ${clientId.toLowerCase()}`);
}
