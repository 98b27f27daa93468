import { readInputFile } from '../cli-io.ts';
import type { CommandDef } from '../command.ts';
import { listOutput, printJson } from '../format.ts';

export const cloudCommands: CommandDef[] = [
  {
    name: 'cloud list',
    summary: 'list the cloud profiles (built in and your own)',
    async run(context) {
      context.io.out(
        listOutput(await context.call('clouds.list'), context.json, {
          columns: ['NAME', 'DISPLAY NAME', 'AUTHORITY', 'SIGN-IN APP'],
          row: (c) => [c.name, c.displayName, c.authorityHost, `${c.publicClient.clientId} (${c.publicClient.tenant})`],
        }),
      );
    },
  },
  {
    name: 'cloud import',
    summary: 'add or replace a custom cloud profile from its JSON file (the emulator writes .emulator/cloud-profile.json)',
    args: [{ name: 'FILE', description: 'the profile JSON, or - for stdin' }],
    async run(context) {
      const file = context.positionals[0] ?? '-';
      const text = await readInputFile(file, 'the cloud profile', { io: context.io, option: 'FILE' });
      const profile = await context.call('clouds.import', { text });
      context.io.out(context.json ? printJson(profile) : `Imported the cloud profile ${profile.name} (${profile.displayName}).`);
    },
  },
  {
    name: 'cloud remove',
    summary: 'remove a custom cloud profile',
    args: [{ name: 'NAME', description: "the profile's name" }],
    async run(context) {
      const result = await context.call('clouds.remove', { name: context.positionals[0] ?? '' });
      context.io.out(context.json ? printJson(result) : `Removed the cloud profile ${result.name}.`);
    },
  },
];
