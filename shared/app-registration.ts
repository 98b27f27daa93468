import { z } from 'zod';
import { operationIdSchema } from './calls.ts';
import { cloudNameSchema, type CloudProfileView } from './clouds.ts';
import type { SignInStarted } from './identities.ts';
import { method } from './method.ts';

/**
 * "Your own app in one step": the signed-in user registers a public-client app through Microsoft Graph, the app becomes the cloud's
 * sign-in app, and the user signs in with it (consent shown by Entra). A slice of its own, as it joins clouds and identities.
 */

/** Where the manual steps are, for a user Graph refuses (their tenant lets only some users register applications). */
export const manualAppRegistrationDoc = 'docs/sign-in.md, "Using your own app registration"';

export const registerAppSchema = z
  .object({
    /** The cloud whose sign-in app the new registration becomes. */
    name: cloudNameSchema,
    /** The signed-in user (in that cloud) whose Microsoft Graph token registers the app. */
    identityId: z.string().uuid({ message: 'Choose a signed-in user' }),
    operationId: operationIdSchema.optional(),
  })
  .strict();

/**
 * One API permission the new app asks for: the resource, the delegated scope by name, and where its id came from — `graph` (the
 * resource's service principal in the user's tenant lists it), `known` (Graph lists no service principal for the resource there, so the
 * id published for it elsewhere is used), or `missing` (neither: the app does not ask for it, and an administrator adds it by hand).
 */
export interface AppPermission {
  resource: string;
  resourceAppId: string;
  scope: string;
  id?: string;
  source: 'graph' | 'known' | 'missing';
}

/** What registering gives back: the app, the cloud now using it, and the sign-in with it under way (wait with identities.waitSignIn). */
export interface AppRegistered {
  app: { appId: string; objectId: string; displayName: string; servicePrincipalId: string };
  /** The API permissions asked for (requiredResourceAccess), each with where its id came from. */
  permissions: AppPermission[];
  cloud: CloudProfileView;
  signIn: SignInStarted;
}

/** The contract's method for registering an app (shared/contract.ts joins every domain's). */
export const appRegistrationMethods = {
  /** Registers a public-client app with the user's Graph token, makes it the cloud's sign-in app, and starts the user's sign-in with it. */
  'clouds.registerApp': method<typeof registerAppSchema, AppRegistered>(registerAppSchema),
} as const;
