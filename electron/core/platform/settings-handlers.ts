import type { HandlersFor, MethodsOf } from './call-context.ts';

/** The settings' contract methods. */
export const settingsHandlers = {
  'settings.get': ({ settings }) => settings.get(),
  'settings.update': ({ settings }, patch) => settings.update(patch),
} satisfies HandlersFor<MethodsOf<'settings'>, unknown>;
