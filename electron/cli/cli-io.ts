import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../shared/errors.ts';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a secret: from stdin when it is piped, else from a prompt that does not echo. Never from argv. */
  readSecret(prompt: string): Promise<string>;
  /** Reads all of stdin (for `--body -`, `cloud import -`). */
  readStdin(): Promise<string>;
  /** Asks on the terminal without echo (only when stdin is one); the answer as typed, spaces kept (a vault passphrase). */
  askHidden(prompt: string): Promise<string>;
  stdinIsTTY: boolean;
  /** How wide a line may be: the terminal's width, else COLUMNS, else 100. */
  readonly columns: number;
}

/**
 * The most the CLI reads from one input file or from stdin: far above any export, `.env` or
 * profile it takes (5,000 accounts export to about 2 MB), and a stop for `/dev/zero` or a runaway pipe.
 */
export const inputLimitBytes = 8 * 1024 * 1024;
const inputLimitText = `${inputLimitBytes / 1024 / 1024} MiB`;

/**
 * A file named on the command line, or stdin for `-` when `stdin` is given. A file that cannot be
 * read, is not a regular file (a device, a FIFO, a folder) or is larger than the input limit is
 * the command line's mistake (exit 2), named with what it was for.
 */
export async function readInputFile(file: string, what: string, stdin?: { io: CliIo; option: string }): Promise<string> {
  if (file === '-' && stdin) return stdin.io.readStdin();
  const orStdin = stdin ? `, or give ${stdin.option} - to read it from stdin` : '';
  const handle = await open(file, 'r').catch(() => {
    throw new AppError('invalid_input', `Cannot read ${what} ${file}: check the path${orStdin}.`);
  });
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new AppError('invalid_input', `${file} is not a regular file (a device, pipe or folder): name ${what} as a file${orStdin}.`);
    // Read to at most one byte past the limit: a larger file (or one that grows meanwhile) is refused.
    const buffer = Buffer.alloc(Math.min(stat.size, inputLimitBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > inputLimitBytes)
      throw new AppError('invalid_input', `${file} is larger than ${inputLimitText}, more than ${what} can be.`);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  get columns() {
    return outputColumns(process.stdout, process.env);
  },
  readStdin: () => readStdin(),
  async readSecret(prompt) {
    if (!process.stdin.isTTY) return (await readStdin()).trim();
    return (await promptHidden(prompt)).trim();
  },
  askHidden: (prompt) => promptHidden(prompt),
};

/** The terminal's width when stdout is one, else COLUMNS (as a shell sets it for a pipe), else 100. */
export function outputColumns(stdout: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number {
  if (stdout.isTTY && stdout.columns) return stdout.columns;
  const columns = Number(env['COLUMNS']);
  return Number.isInteger(columns) && columns > 0 ? columns : 100;
}

/** All of stdin, up to the input limit: past it the read stops and nothing is used. */
export async function readStdin(input: NodeJS.ReadableStream & { destroy?: () => void } = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += (chunk as Buffer).length;
    if (size > inputLimitBytes) {
      input.destroy?.();
      throw new AppError(
        'invalid_input',
        `stdin gave more than ${inputLimitText}, more than any input azcred takes: check what is piped in.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A prompt on `terminal` (stderr) whose answer, read from `input` (stdin), is not echoed: keys and
 * passphrases must not land in scrollback. Tests pass a fake terminal.
 */
export function promptHidden(
  prompt: string,
  { input = process.stdin, terminal = process.stderr }: { input?: NodeJS.ReadableStream; terminal?: NodeJS.WritableStream } = {},
): Promise<string> {
  // Nothing readline writes reaches the terminal: it would echo the answer.
  const output = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output, terminal: true });
  // The prompt shows only now that the terminal is in raw mode: a key pasted the moment it shows
  // would otherwise be echoed by the terminal itself.
  terminal.write(prompt);
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      terminal.write('\n');
      resolve(answer);
    });
  });
}
