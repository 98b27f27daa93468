/**
 * The command line the access log names as a credential's recipient: `azcred`, the command's words
 * and the names of the options given, never a value. azcred takes no secret as an argument, but a
 * file path, a label or a URL says more than the log needs; the entry names the account, identity
 * and resource itself. After `--` only the program's name is kept (its arguments may hold anything).
 */
export function loggedCommandLine(argv: readonly string[], commandWords: number): string {
  const dashDash = argv.indexOf('--');
  const head = dashDash >= 0 ? argv.slice(0, dashDash) : argv;
  const words: string[] = [];
  const options: string[] = [];
  for (const arg of head) {
    if (arg.startsWith('-')) {
      const name = /^(--?[A-Za-z][\w-]*)/.exec(arg)?.[1];
      if (name && !options.includes(name)) options.push(name);
    } else if (words.length < commandWords) words.push(arg);
  }
  const program = dashDash >= 0 ? argv[dashDash + 1] : undefined;
  const programName = program?.split(/[\\/]/).pop();
  return ['azcred', ...words, ...options, ...(dashDash >= 0 ? ['--', programName ?? ''] : [])].join(' ').trim().slice(0, 500);
}
