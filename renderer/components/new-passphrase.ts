import { newPassphraseSchema } from '../../shared/vault.ts';

export interface NewPassphraseProblems {
  passphrase?: string;
  confirm?: string;
}

/** What is wrong with a new passphrase typed twice, under the field to fix; undefined when it will do. */
export function newPassphraseProblems(passphrase: string, confirm: string): NewPassphraseProblems | undefined {
  const strong = newPassphraseSchema.safeParse(passphrase);
  if (!strong.success) return { passphrase: strong.error.issues[0]?.message ?? 'Choose a longer passphrase' };
  if (confirm !== passphrase) return { confirm: 'The two passphrases differ' };
  return undefined;
}
