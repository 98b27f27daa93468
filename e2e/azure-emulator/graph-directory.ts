import type { EmulatorContext } from './emulator-context.ts';
import type { GraphAreaHandler, GraphCaller } from './graph.ts';
import type { Exchange } from './http-exchange.ts';

/** Microsoft Graph, the directory: `/me`, `/users/{id}`, `/groups/{id}`, `/servicePrincipals?$filter=appId eq …`, `POST /directoryObjects/getByIds`. Not served yet: every path falls through (false). */
export const handleGraphDirectory: GraphAreaHandler = (
  _context: EmulatorContext,
  _exchange: Exchange,
  _caller: GraphCaller,
  _path: string,
) => false;
