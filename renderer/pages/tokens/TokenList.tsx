import type { RefObject } from 'react';
import type { TokenView } from '../../../shared/tokens.ts';
import { VirtualListbox } from '../../components/VirtualListbox.tsx';
import { rowHeight } from '../../components/VirtualRow.tsx';
import { TokenRow } from './TokenRow.tsx';

const tokenOptionId = (id: string) => `token-${id}`;

export interface TokenListProps {
  tokens: readonly TokenView[];
  selectedId: string | undefined;
  onOpen(id: string): void;
  warningMs: number;
  listRef: RefObject<HTMLDivElement | null>;
}

/** The tokens as a virtual listbox, so a thousand live countdowns cost what twenty do. */
export function TokenList({ tokens, selectedId, onOpen, warningMs, listRef }: TokenListProps) {
  return (
    <VirtualListbox
      items={tokens}
      label="Tokens"
      rowHeight={rowHeight}
      optionId={tokenOptionId}
      selectedId={selectedId}
      onOpen={onOpen}
      listRef={listRef}
      overscan={6}
      renderRow={(token, placement) => <TokenRow key={token.id} token={token} {...placement} warningMs={warningMs} />}
    />
  );
}
