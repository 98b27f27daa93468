import type { CommandDef } from '../command.ts';
import { accountCommands } from './account-commands.ts';
import { acsCommands } from './acs-commands.ts';
import { appCommands } from './app-commands.ts';
import { cloudCommands } from './cloud-commands.ts';
import { identityCommands } from './identity-commands.ts';
import { infoCommand } from './info-command.ts';
import { logCommands } from './log-commands.ts';
import { rolesCommands } from './roles-commands.ts';
import { runExportCommands } from './run-export-commands.ts';
import { serveCommands } from './serve-commands.ts';
import { tokenCommands } from './token-commands.ts';
import { vaultCommands } from './vault-commands.ts';

/** Every `azcred` command, in the order `azcred --help` lists them. */
export const commands: readonly CommandDef[] = [
  infoCommand,
  ...accountCommands,
  ...identityCommands,
  ...tokenCommands,
  ...acsCommands,
  ...runExportCommands,
  ...logCommands,
  ...serveCommands,
  ...rolesCommands,
  ...cloudCommands,
  ...appCommands,
  ...vaultCommands,
];
