import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { ArmService } from './arm-service.ts';

/** Azure Resource Manager's contract methods: resource discovery and import, the role audit, key rotation. */
export const armHandlers = {
  'discovery.resources': ({ services }, input) => services.arm.discover(input.identityId),
  'discovery.import': ({ services }, input) => services.arm.importResources(input),
  'roles.audit': ({ services }, input) => services.arm.audit(input),
  'roles.lastAudit': ({ services }) => services.arm.lastAudit() ?? null,
  'roles.exportReport': ({ services }, input) => services.arm.exportReport(input),
  'accounts.rotateKey': ({ services }, input) => services.arm.rotateKey(input),
} satisfies HandlersFor<MethodsOf<'discovery' | 'roles'> | 'accounts.rotateKey', { arm: ArmService }>;
