import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { VaultActions } from '../../components/vault/VaultActions.tsx';
import type { VaultState } from '../../use-vault.ts';

/**
 * Inside the Add / Edit form, when no vault can take the key: why, and the choice of where keys go
 * (the keychain again, a passphrase vault, memory only). What was typed stays in the form; once the
 * vault is open the user saves as usual.
 */
export function VaultChoiceInForm({ vault, onOpened }: { vault: VaultState; onOpened(): void }) {
  const status = vault.status;
  if (status?.state === 'open') return null;
  // The keychain's own words say why; their advice to go to Settings does not apply here, where the choice is.
  const why = status?.state === 'unavailable' ? (status.message.split(/(?<=\.)\s/)[0] ?? status.message) : 'The vault is locked.';
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="vault-choice">
      <MessageBarBody>
        <MessageBarTitle>Choose where the key is stored</MessageBarTitle>
        {why} What you typed stays here: choose, then add the account.
        <VaultActions vault={vault} quiet onOpened={onOpened} />
      </MessageBarBody>
    </MessageBar>
  );
}
