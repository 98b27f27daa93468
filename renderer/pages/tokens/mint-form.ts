import type { TokenView } from '../../../shared/tokens.ts';
import type { Operation } from './use-operation.ts';
import type { TokenSources } from './use-token-sources.ts';

/** What each "New token" form gets from the dialog: its form id (the dialog's Mint button submits it), the sources and the long-call
 * runner. */
export interface MintFormProps {
  formId: string;
  sources: TokenSources;
  operation: Operation;
  /** The new token (and any others the call changed), with a sentence for the page. */
  onMinted(tokens: TokenView[], message: string): void;
}

/** Keep across restarts and auto-refresh, as every mint takes them. */
export interface MintOptions {
  keep: boolean;
  autoRefresh: boolean;
}

export const noMintOptions: MintOptions = { keep: false, autoRefresh: false };
