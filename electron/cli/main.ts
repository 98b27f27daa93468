import { dispatch } from '../core/api.ts';
import { createCore } from '../core/core.ts';
import { resolveDataFolder } from '../core/data-folder.ts';
import { appVersion } from '../app-version.ts';
import type { CloudProfileView } from '../../shared/clouds.ts';
import type { AppInfo, MethodName } from '../../shared/contract.ts';

/** Exit statuses: 0 done, 1 the operation failed, 2 the command line was wrong. */
const usage = `Usage: azcred <command> [--json]

Commands:
  info          the app's version and data folder
  cloud list    the cloud profiles the app knows

Options:
  --json        machine-readable output
  --help        this text
  --version     the version

The data folder is AZCRED_HOME when set, else the OS app-data folder.`;

const args = process.argv.slice(2);
const json = args.includes('--json');
const words = args.filter((a) => !a.startsWith('--'));
const version = appVersion(new URL('../../package.json', import.meta.url));

if (args.includes('--help') || args.length === 0) {
  console.log(usage);
  process.exit(0);
}
if (args.includes('--version')) {
  console.log(version);
  process.exit(0);
}

const commands: Record<string, { method: MethodName; print: (value: unknown) => string }> = {
  info: {
    method: 'app.info',
    print: (v) => {
      const info = v as AppInfo;
      return `Azure Credential Manager ${info.version}\nData folder: ${info.dataFolder} (${info.dataFolderSource === 'AZCRED_HOME' ? 'from AZCRED_HOME' : 'default'})`;
    },
  },
  'cloud list': {
    method: 'clouds.list',
    print: (v) => (v as CloudProfileView[]).map((c) => `${c.name.padEnd(20)} ${c.displayName}`).join('\n'),
  },
};

const command = commands[words.join(' ')];
const unknownOption = args.find((a) => a.startsWith('--') && a !== '--json');
if (!command || unknownOption) {
  console.error(`azcred: ${unknownOption ? `unknown option ${unknownOption}` : `unknown command "${words.join(' ')}"`}. Run \`azcred --help\` for the list.`);
  process.exit(2);
}

const core = createCore({ mode: 'cli', dataFolder: resolveDataFolder(), version });
const result = await dispatch(core, command.method, undefined);
if (!result.ok) {
  console.error(`azcred: ${result.error.message}`);
  process.exit(1);
}
console.log(json ? JSON.stringify(result.value, null, 2) : command.print(result.value));
