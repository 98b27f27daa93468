import { AppError } from '../../shared/errors.ts';

/** The shortest wait AZCRED_TIMEOUT_SECONDS may set: below it no real answer arrives in time. */
const minSeconds = 0.1;
/** The longest wait AZCRED_TIMEOUT_SECONDS may set: beyond it a script had better see the failure. */
const maxSeconds = 600;

/**
 * How long azcred waits for each answer from the Mixed Reality STS, ARR, ACS or Resource Manager
 * before it tries again (3 tries in all), from `AZCRED_TIMEOUT_SECONDS`; the core's 30 s when it
 * is unset. Scripts on a slow link raise it; a CI job that must not hang lowers it.
 */
export function azureTimeoutMs(env: NodeJS.ProcessEnv): number | undefined {
  const text = env['AZCRED_TIMEOUT_SECONDS']?.trim();
  if (!text) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < minSeconds || seconds > maxSeconds) {
    throw new AppError(
      'invalid_input',
      `AZCRED_TIMEOUT_SECONDS must be a number of seconds from ${minSeconds} to ${maxSeconds}, not "${text}": fix or unset it.`,
    );
  }
  return Math.round(seconds * 1000);
}
