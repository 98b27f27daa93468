import type { EmulatorContext } from './emulator-context.ts';
import type { GraphAreaHandler, GraphCaller } from './graph.ts';
import type { Exchange } from './http-exchange.ts';

/** Microsoft Graph, app registrations: `POST /applications`, `GET/PATCH /applications/{id}`, `POST /servicePrincipals`. Not served yet: every path falls through (false). */
export const handleGraphApplications: GraphAreaHandler = (
  _context: EmulatorContext,
  _exchange: Exchange,
  _caller: GraphCaller,
  _path: string,
) => false;
