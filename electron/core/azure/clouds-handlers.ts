import { AppError } from '../../../shared/errors.ts';
import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { CloudsStore } from './clouds-store.ts';

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
} satisfies HandlersFor<MethodsOf<'clouds'>, { clouds: CloudsStore }>;

/** JSON text from a file the user chose, or a clear error naming what it should be. */
function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_input', `That is not a ${what} file: expected JSON.`, [{ path: 'text', message: 'Not valid JSON' }]);
  }
}
