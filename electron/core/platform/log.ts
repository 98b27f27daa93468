/**
 * The process log. It names operations, never values: callers pass what happened, and an error
 * is reduced to its class and code, because library errors can quote request headers or bodies
 * that hold keys and tokens.
 */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name} (${code})` : error.name;
  }
  return typeof error;
}

export const log = {
  error(message: string, error?: unknown): void {
    console.error(`[azcred] error: ${message}${error === undefined ? '' : `: ${describe(error)}`}`);
  },
};
