import { setTimeout as sleep } from 'node:timers/promises';
import { faultRuleSchema, parseFaultHeader } from './fault-rule.ts';
import type { FaultRule, FaultRuleInput, ServiceName } from './fault-rule.ts';
import { sendEmpty, sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';

/** Faults on demand: rules from the scenario or a test, or one request's `x-emulator-fault` header. */
export class FaultController {
  readonly #rules: { id: number; rule: FaultRule; remaining: number }[] = [];
  #nextId = 1;

  constructor(initial: readonly FaultRule[]) {
    for (const rule of initial) this.add(rule);
  }

  /** Adds a rule; returns its id for `remove`. */
  add(input: FaultRuleInput): number {
    const rule = faultRuleSchema.parse(input);
    const id = this.#nextId++;
    this.#rules.push({ id, rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  remove(id: number): void {
    const index = this.#rules.findIndex((r) => r.id === id);
    if (index >= 0) this.#rules.splice(index, 1);
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** Consumes and returns the fault for this request, if any. */
  take(service: ServiceName, exchange: Exchange): FaultRule | undefined {
    const fromHeader = exchange.header('x-emulator-fault');
    if (fromHeader) return parseFaultHeader(fromHeader);
    const entry = this.#rules.find(
      ({ rule }) =>
        (rule.service === 'any' || rule.service === service) &&
        (rule.method === undefined || rule.method === exchange.method) &&
        (rule.path === undefined || exchange.path.toLowerCase().includes(rule.path.toLowerCase())),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.remove(entry.id);
    return entry.rule;
  }
}

// Each service's own throttling answer: STS headers only, ARR 15 s, the rest JSON bodies (AZURE-PROTOCOLS.md §1, §2, §4).
const defaultRetryAfter: Record<ServiceName, number> = { entra: 5, sts: 5, arr: 15, acs: 10, arm: 10, graph: 10 };

/** Applies a fault; returns true when the response was written (or the connection dropped) and the request must not be served. */
export async function applyFault(service: ServiceName, fault: FaultRule, exchange: Exchange): Promise<boolean> {
  const { res } = exchange;
  switch (fault.kind) {
    case 'slow':
      await sleep(fault.delayMs ?? 2000);
      return false;
    case 'drop':
      exchange.req.socket.destroy();
      return true;
    case 'throttle': {
      const retryAfter = String(fault.retryAfterSeconds ?? defaultRetryAfter[service]);
      if (service === 'sts') sendEmpty(res, 429, { 'Retry-After': retryAfter });
      else
        sendJson(res, 429, errorBody(service, 'TooManyRequests', 'The request was throttled; retry after the interval in Retry-After.'), {
          'Retry-After': retryAfter,
        });
      return true;
    }
    case 'error': {
      const status = fault.status ?? 503;
      if (service === 'sts') sendEmpty(res, status);
      else
        sendJson(
          res,
          status,
          errorBody(service, status === 503 ? 'ServiceUnavailable' : 'InternalServerError', 'The service is temporarily unavailable.'),
        );
      return true;
    }
  }
}

function errorBody(service: ServiceName, code: string, message: string): unknown {
  if (service === 'entra') {
    return {
      error: 'temporarily_unavailable',
      error_description: `AADSTS90033: ${message}`,
      error_codes: [90033],
      timestamp: new Date().toISOString(),
    };
  }
  return { error: { code, message } };
}
