import type { CopiedSecret } from '../../../shared/accounts.ts';
import type { Result } from '../../../shared/result.ts';
import { api } from '../../api.ts';
import type { CopyHow } from '../../components/secret-clipboard.ts';
import { copyTokenWith } from './acs-quick-copy.ts';

/** Copies a token by the accounts' rules: in the core when it has a clipboard, else in the page, cleared later either way. */
export function copyToken(id: string, how: CopyHow): Promise<Result<CopiedSecret>> {
  return copyTokenWith(api, id, how);
}
