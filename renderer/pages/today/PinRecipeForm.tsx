import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { PinRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import type { PinnedRecipe } from '../../../shared/settings.ts';
import type { AcsScope } from '../../../shared/tokens.ts';
import { ChoiceField } from '../../components/ChoiceDropdown.tsx';
import { AcsScopesField } from '../tokens/AcsScopesField.tsx';
import { useAcsIdentities } from '../tokens/use-acs-identities.ts';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface PinRecipeFormProps {
  accounts: readonly AccountView[];
  /** Whether this recipe is pinned already. */
  pinnedAlready(recipe: Omit<PinnedRecipe, 'id'>): boolean;
  onPin(recipe: Omit<PinnedRecipe, 'id'>): Promise<boolean>;
  onCancel(): void;
}

/**
 * Pins a recipe: an ACS resource, one of the ACS identities the app remembers for it, and the
 * token's scopes. Every missing choice is named at once, under its field.
 */
export function PinRecipeForm({ accounts, pinnedAlready, onPin, onCancel }: PinRecipeFormProps) {
  const styles = useStyles();
  const acs = accounts.filter((a) => a.kind === 'acs');
  const [accountId, setAccountId] = useState(acs.length === 1 ? acs[0]?.id : undefined);
  const { identities } = useAcsIdentities(accountId);
  const [chosenIdentity, setIdentityId] = useState<string>();
  const identityId = identities.some((i) => i.id === chosenIdentity)
    ? chosenIdentity
    : identities.length === 1
      ? identities[0]?.id
      : undefined;
  const [scopes, setScopes] = useState<AcsScope[]>(['chat']);
  const [errors, setErrors] = useState<{ account?: string; identity?: string; scopes?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(!accountId && { account: 'Choose an ACS resource' }),
      ...(accountId && !identityId && { identity: 'Choose an ACS identity' }),
      ...(scopes.length === 0 && { scopes: 'Choose at least one scope' }),
    };
    if (accountId && identityId && scopes.length > 0 && pinnedAlready({ accountId, acsIdentityId: identityId, scopes, minutes: 1440 }))
      found.identity = 'This recipe is pinned already';
    setErrors(found);
    if (Object.keys(found).length > 0 || !accountId || !identityId) return;
    setBusy(true);
    try {
      await onPin({ accountId, acsIdentityId: identityId, scopes, minutes: 1440 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} aria-label="Pin a recipe" onSubmit={(e) => void submit(e)}>
      <ChoiceField
        label="ACS resource"
        required
        error={errors.account}
        choices={acs.map((a) => ({ value: a.id, text: a.name }))}
        value={accountId}
        placeholder={acs.length ? 'Choose a resource' : 'Add an ACS resource on the Accounts page first'}
        onChange={(value) => {
          setAccountId(value);
          setIdentityId(undefined);
          setErrors({});
        }}
      />
      <ChoiceField
        label="ACS identity"
        required
        error={errors.identity}
        choices={identities.map((i) => ({ value: i.id, text: i.label }))}
        value={identityId}
        disabled={!accountId}
        placeholder={accountId ? 'Choose an identity' : 'Choose a resource first'}
        onChange={(value) => {
          setIdentityId(value);
          setErrors({});
        }}
      >
        {accountId && identities.length === 0
          ? 'This resource has no ACS identity yet: mint a token for a new one on the Tokens page.'
          : null}
      </ChoiceField>
      <AcsScopesField
        value={scopes}
        error={errors.scopes}
        onChange={(value) => {
          setScopes(value);
          setErrors({});
        }}
      />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" icon={<PinRegular />} disabledFocusable={busy}>
          Pin
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
