import type { CopiedSecret } from '../../../shared/accounts.ts';
import type { Result } from '../../../shared/result.ts';
import { api } from '../../api.ts';
import { copyInPage, type CopyHow } from '../../components/secret-clipboard.ts';

/** Copies a token by the accounts' rules: in the core when it has a clipboard, else in the page, cleared later either way. */
export async function copyToken(id: string, how: CopyHow): Promise<Result<CopiedSecret>> {
  if (how.coreClipboard) return api.tokens.copy({ id });
  const revealed = await api.tokens.reveal({ id, purpose: 'copy' });
  return revealed.ok ? copyInPage(revealed.value.value, how.clearAfterSeconds) : revealed;
}
