import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { ArmService } from './arm-service.ts';

/** Azure Resource Manager's contract methods: resource discovery and import, the role audit, key rotation. */
export const armHandlers = {
  'discovery.resources': ({ services, signal }, input) => services.arm.discover(input.identityId, signal),
  'discovery.import': ({ services }, input) => services.arm.importResources(input),
  'roles.audit': ({ services, signal }, input) => services.arm.audit(input, signal),
  'roles.lastAudit': ({ services }) => services.arm.lastAudit() ?? null,
  'roles.exportReport': ({ services, signal }, input) => services.arm.exportReport(input, signal),
  'accounts.rotateKey': ({ services, signal }, input) => services.arm.rotateKey(input, signal),
} satisfies HandlersFor<MethodsOf<'discovery' | 'roles'> | 'accounts.rotateKey', { arm: ArmService }>;
