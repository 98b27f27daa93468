import type { CommandDef } from '../command.ts';
import { printJson } from '../format.ts';

export const infoCommand: CommandDef = {
  name: 'info',
  summary: "the version, the data folder and where secrets are kept",
  async run(context) {
    const info = await context.call('app.info');
    if (context.json) return context.io.out(printJson(info));
    context.io.out(`Azure Credential Manager ${info.version}\nData folder: ${info.dataFolder} (${info.dataFolderSource === 'AZCRED_HOME' ? 'from AZCRED_HOME' : 'default'})`);
  },
};
