import { z } from 'zod';
import { filePathSchema } from './file-path.ts';
import { method } from './method.ts';

/**
 * Exporting one minted token for a tool: as `.env` lines, JSON, POSIX shell `export`s, PowerShell
 * `$env:` assignments (this session only), a curl command that uses it, or the `arrconfig.json`
 * Microsoft's ARR PowerShell scripts read. With a path the core writes the file (0600); without
 * one it returns the text, which holds the token, so the page shows it only on request.
 */

export const tokenExportFormats = ['env', 'json', 'shell', 'powershell', 'curl', 'arrconfig'] as const;
export type TokenExportFormat = (typeof tokenExportFormats)[number];

/** How the export dialog names each format, and the file name it suggests. */
export const tokenExportFormatInfo: Record<TokenExportFormat, { label: string; fileName: string; hint: string }> = {
  env: { label: '.env file', fileName: '.env', hint: 'NAME=value lines that dotenv, Docker Compose and Node --env-file read.' },
  json: { label: 'JSON', fileName: 'token.json', hint: 'The token and its settings as one JSON object.' },
  shell: { label: 'Shell (bash, zsh)', fileName: 'token.sh', hint: "export NAME='value' lines: run `source token.sh`." },
  powershell: {
    label: 'PowerShell',
    fileName: 'token.ps1',
    hint: "$env:NAME = 'value' lines: they last for this PowerShell session only.",
  },
  curl: { label: 'curl command', fileName: 'token-request.sh', hint: 'A request that uses the token against the service it is for.' },
  arrconfig: {
    label: 'arrconfig.json (ARR scripts)',
    fileName: 'arrconfig.json',
    hint: "The file Microsoft's ARR PowerShell scripts read: it holds the account key, not a token.",
  },
};

export const tokenExportSchema = z
  .object({
    id: z.string().uuid({ message: 'Unknown token' }),
    format: z.enum(tokenExportFormats, { message: `Choose one of ${tokenExportFormats.join(', ')}` }),
    /** Where to write the file (a full path); without it the text comes back for copying. */
    path: filePathSchema.optional(),
    overwrite: z.boolean().default(false),
    /** arrconfig.json only: put the account key in the file (Microsoft's scripts sign in with it). */
    includeAccountKey: z.boolean().default(false),
    /** Without a path: copy the text in the core (desktop app) and clear the clipboard later, instead of returning it. */
    copy: z.boolean().default(false),
    /** Without a path: the text is for the page's own copy (browser mode), so the access log says copied, not exported. */
    purpose: z.literal('copy', { message: 'An export is for copy, or omitted' }).optional(),
  })
  .strict()
  .refine((input) => !(input.copy && input.path !== undefined), { message: 'Either save to a file or copy, not both', path: ['copy'] })
  .refine((input) => !(input.purpose && input.path !== undefined), { message: 'A file is saved, not copied', path: ['purpose'] });

export interface TokenExportResult {
  format: TokenExportFormat;
  /** The file written, when a path was given. */
  path: string | null;
  /** The exported text, when no path was given and the core did not copy it. It holds the token (and the key, if asked). */
  text: string | null;
  /** When the core copied the text: seconds until it clears the clipboard (if the text is still there). */
  clearsAfterSeconds: number | null;
  /** Something the user should know about this export (a placeholder left to fill in, a scope it lacks). */
  note: string | null;
}

/** The contract's methods for token export (shared/contract.ts joins every domain's). */
export const tokenExportMethods = {
  /** One token as .env, JSON, shell, PowerShell, curl or arrconfig.json: written to a 0600 file, or the text back for copying. */
  'tokens.export': method<typeof tokenExportSchema, TokenExportResult>(tokenExportSchema),
} as const;
