import { Spinner, Tab, TabList } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { TokenView } from '../../../shared/tokens.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { AcsTokenForm, type AcsTokenInitial } from './AcsTokenForm.tsx';
import { ArrTokenForm } from './ArrTokenForm.tsx';
import { EntraTokenForm } from './EntraTokenForm.tsx';
import { TeamsTokenForm } from './TeamsTokenForm.tsx';
import { ToolDialog } from './ToolDialog.tsx';
import { useOperation } from './use-operation.ts';
import { useTokenSources } from './use-token-sources.ts';

export type NewTokenKind = 'arr' | 'acs' | 'entra' | 'teams';

const tabs: { kind: NewTokenKind; label: string }[] = [
  { kind: 'arr', label: 'ARR access token' },
  { kind: 'acs', label: 'ACS user token' },
  { kind: 'entra', label: 'Entra token' },
  { kind: 'teams', label: 'Teams user' },
];

export interface NewTokenDialogProps {
  initial?: { kind: NewTokenKind; acs?: AcsTokenInitial; arrAccountId?: string } | undefined;
  onMinted(tokens: TokenView[], message: string): void;
  onClose(): void;
}

/** Mints a token of any kind; a long call shows its progress and can be cancelled. */
export function NewTokenDialog({ initial, onMinted, onClose }: NewTokenDialogProps) {
  const formId = useId();
  const sources = useTokenSources();
  const operation = useOperation();
  const [kind, setKind] = useState<NewTokenKind>(initial?.kind ?? 'arr');
  const props = { formId, sources, operation, onMinted };
  const busy = operation.running !== undefined;

  return (
    <ToolDialog
      title="New token"
      size="medium"
      operation={operation}
      submit={{ form: formId, label: kind === 'teams' ? 'Exchange' : 'Mint', disabled: !sources.loaded }}
      onClose={onClose}
    >
      <TabList selectedValue={kind} onTabSelect={(_, d) => !busy && setKind(d.value as NewTokenKind)} aria-label="Kind of token">
        {tabs.map((t) => (
          <Tab key={t.kind} value={t.kind} disabled={busy && t.kind !== kind}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <ErrorBar error={sources.error} />
      {!sources.loaded ? (
        <Spinner size="small" label="Loading accounts and identities…" />
      ) : kind === 'arr' ? (
        <ArrTokenForm {...props} initialAccountId={initial?.arrAccountId} />
      ) : kind === 'acs' ? (
        <AcsTokenForm {...props} initial={initial?.acs} />
      ) : kind === 'entra' ? (
        <EntraTokenForm {...props} />
      ) : (
        <TeamsTokenForm {...props} />
      )}
    </ToolDialog>
  );
}
