import type { z } from 'zod';
import type { AppRegistered, registerAppSchema } from '../../../shared/app-registration.ts';
import { AppError } from '../../../shared/errors.ts';
import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { CloudsStore } from './clouds-store.ts';

/** Registering an app for a cloud needs a signed-in user, which the Entra domain above holds: taken as this interface (EntraService). */
export interface AppRegistrar {
  registerApp(input: z.output<typeof registerAppSchema>, signal: AbortSignal): Promise<AppRegistered>;
}

/** The cloud profiles' contract methods. */
export const cloudsHandlers = {
  'clouds.list': ({ services }) => services.clouds.list(),
  'clouds.import': ({ services }, input) => services.clouds.save(parseJsonText(input.text, 'cloud profile')),
  'clouds.remove': async ({ services, settings }, input) => {
    const removed = services.clouds.get(input.name).name;
    await services.clouds.remove(removed);
    // New accounts and sign-ins must not default to a cloud that is gone.
    if (settings.get().defaultCloud.toLowerCase() === removed.toLowerCase()) await settings.update({ defaultCloud: 'AzureCloud' });
    return { name: removed };
  },
  'clouds.setPublicClient': ({ services }, input) => services.clouds.setPublicClient(input.name, input.publicClient),
  'clouds.registerApp': ({ services, signal }, input) => services.entra.registerApp(input, signal),
} satisfies HandlersFor<MethodsOf<'clouds'>, { clouds: CloudsStore; entra: AppRegistrar }>;

/** JSON text from a file the user chose, or a clear error naming what it should be. */
function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_input', `That is not a ${what} file: expected JSON.`, [{ path: 'text', message: 'Not valid JSON' }]);
  }
}
