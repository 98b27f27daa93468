import { z } from 'zod';

/**
 * A fault to inject, from the scenario (`faults`), from a test (`emulator.faults.add`) or from one
 * request's `x-emulator-fault` header: `throttle;retry-after=2`, `error;status=500`,
 * `slow;delay-ms=1500` or `drop`.
 */
export const serviceNames = ['entra', 'sts', 'arr', 'acs', 'arm', 'graph'] as const;
export type ServiceName = (typeof serviceNames)[number];

export const faultRuleSchema = z.strictObject({
  service: z.enum([...serviceNames, 'any']).default('any'),
  /** Only requests with this method (any when absent). */
  method: z.string().toUpperCase().optional(),
  /** Only requests whose path contains this text, ignoring case (any when absent). */
  path: z.string().optional(),
  kind: z.enum(['throttle', 'error', 'slow', 'drop']),
  /** For `error`: the 5xx status (503 when absent). */
  status: z.number().int().min(500).max(599).optional(),
  /** For `throttle`: the `Retry-After` seconds (the service's usual value when absent). */
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** For `slow`: how long to wait before answering normally. */
  delayMs: z.number().int().min(0).max(120_000).optional(),
  /** How many matching requests it hits before it is spent (every one when absent). */
  times: z.number().int().min(1).optional(),
});

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;

/** Parses an `x-emulator-fault` header value; undefined when it names no known fault. */
export function parseFaultHeader(value: string): FaultRule | undefined {
  const [kind = '', ...options] = value.split(';').map((part) => part.trim());
  const fields: Record<string, unknown> = { kind };
  for (const option of options) {
    const [key, raw = ''] = option.split('=').map((s) => s.trim());
    const number = Number(raw);
    if (key === 'status') fields['status'] = number;
    if (key === 'retry-after') fields['retryAfterSeconds'] = number;
    if (key === 'delay-ms') fields['delayMs'] = number;
  }
  const parsed = faultRuleSchema.safeParse(fields);
  return parsed.success ? parsed.data : undefined;
}
