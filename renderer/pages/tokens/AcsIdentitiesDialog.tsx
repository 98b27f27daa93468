import { Body1, Button, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcsIdentityView, AcsVia, TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { CallForm } from '../../components/CallForm.tsx';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { FormErrorBar } from '../../components/FormErrorBar.tsx';
import { fieldIssues } from '../../components/field-problem.ts';
import { TextField } from '../../components/TextField.tsx';
import { fieldProblem, useCall } from '../../components/use-call.ts';
import { AcsIdentityTable, type AcsIdentityConfirm } from './AcsIdentityTable.tsx';
import { AccountField } from './AccountField.tsx';
import { AccountPayField, accountKeys, toVia, usePayWith } from './PayWithField.tsx';
import { ToolDialog } from './ToolDialog.tsx';
import { useAcsIdentities } from './use-acs-identities.ts';
import { useOperation } from './use-operation.ts';
import { useTokenSources } from './use-token-sources.ts';
import { dateTime } from './token-format.ts';
import type { CopyHow } from '../../components/secret-clipboard.ts';
import { getAndCopyAcsToken, recipeFor } from './acs-quick-copy.ts';

const fields = ['label', 'customId', 'via'] as const;

const useStyles = makeStyles({
  create: { display: 'flex', flexDirection: 'row', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface AcsIdentitiesDialogProps {
  /** The page's tokens: Copy new token gets another like the identity's last. */
  tokens: readonly TokenView[];
  copy: CopyHow;
  onChanged(...tokens: TokenView[]): void;
  /** Opens "New token" for this identity. */
  onGetToken(accountId: string, acsIdentityId: string): void;
  onClose(): void;
}

/** The ACS identities the app remembers per resource, with their labels: create, get and copy a token, revoke their tokens, delete. */
export function AcsIdentitiesDialog({ tokens: list, copy, onChanged, onGetToken, onClose }: AcsIdentitiesDialogProps) {
  const styles = useStyles();
  const sources = useTokenSources();
  const operation = useOperation();
  const [accountId, setAccountId] = useState<string>();
  const resource = sources.acs.find((a) => a.id === (accountId ?? sources.acs[0]?.id));
  const { identities, error: listError, reload } = useAcsIdentities(resource?.id);
  const [pay, setPay] = usePayWith(accountKeys(resource), resource?.id);
  const [label, setLabel] = useState('');
  const [customId, setCustomId] = useState('');
  /** What ACS answered for each identity asked about (Get identity): when its last token was issued, null for never. */
  const [lastIssued, setLastIssued] = useState<Record<string, string | null>>({});
  const [confirm, setConfirm] = useState<AcsIdentityConfirm>();
  const [done, setDone] = useState<string>();
  const call = useCall();
  const issues = fieldIssues(call.error, fields);
  const busy = operation.running !== undefined;

  function via(): AcsVia | undefined {
    const chosen = toVia(pay) as AcsVia | undefined;
    if (!chosen) call.fail(fieldProblem('via', 'Choose the identity to authenticate with', 'Choose an identity'));
    return chosen;
  }

  async function create() {
    const payer = via();
    if (!resource || !payer) return;
    setDone(undefined);
    const result = await call.run(() =>
      operation.run('Creating the identity at Communication Services…', (operationId) =>
        api.acsIdentities.create({
          accountId: resource.id,
          label,
          ...(customId.trim() ? { customId: customId.trim() } : {}),
          via: payer,
          operationId,
        }),
      ),
    );
    if (!result.ok) return;
    setLabel('');
    setCustomId('');
    const made = result.value.identity;
    setDone(`Created ${made.label} (${made.communicationUserId}${made.customId ? `, custom ID ${made.customId}` : ''}).`);
    await reload();
  }

  async function copyNew(identity: AcsIdentityView) {
    const payer = via();
    if (!payer) return;
    setDone(undefined);
    const recipe = recipeFor(identity, list, payer);
    const result = await call.run(() =>
      operation.run(`Getting a token for ${identity.label}…`, (operationId) => getAndCopyAcsToken(api, recipe, copy, operationId)),
    );
    if (!result.ok) return;
    onChanged(result.value.token);
    const clears = result.value.copied.clearsAfterSeconds;
    setDone(
      `Copied a new token for ${identity.label} (${recipe.scopes.join(', ')}, expires ${dateTime(result.value.token.expiresAt)})` +
        `${clears ? `: the clipboard clears in ${clears} s` : ''}.`,
    );
    await reload();
  }

  async function ask(identity: AcsIdentityView) {
    const payer = via();
    if (!payer) return;
    // The last outcome's words go as the next call starts: one status at a time.
    setDone(undefined);
    const result = await call.run(() =>
      operation.run(`Asking Communication Services about ${identity.label}…`, (operationId) =>
        api.acsIdentities.show({ id: identity.id, via: payer, operationId }),
      ),
    );
    if (!result.ok) return;
    setLastIssued((known) => ({ ...known, [identity.id]: result.value.lastTokenIssuedAt }));
    setDone(
      result.value.lastTokenIssuedAt
        ? `ACS last issued a token for ${identity.label} at ${dateTime(result.value.lastTokenIssuedAt)}.`
        : `ACS has issued no token for ${identity.label} yet.`,
    );
  }

  async function act(action: AcsIdentityConfirm['action'], identity: AcsIdentityView) {
    const payer = via();
    if (!payer) return;
    // The last outcome's words go as the next call starts: one status at a time.
    setDone(undefined);
    setConfirm(undefined);
    if (action === 'revoke') {
      const result = await call.run(() =>
        operation.run(`Revoking the tokens of ${identity.label}…`, (operationId) =>
          api.acsIdentities.revoke({ id: identity.id, via: payer, operationId }),
        ),
      );
      if (!result.ok) return;
      onChanged(...result.value.revoked);
      setDone(
        `Revoked every token of ` +
          `${identity.label}${result.value.revoked.length ? ` (${result.value.revoked.length} in the list marked revoked)` : ''}.`,
      );
    } else {
      const result = await call.run(() =>
        operation.run(`Deleting ${identity.label}…`, (operationId) =>
          api.acsIdentities.delete({ id: identity.id, via: payer, operationId }),
        ),
      );
      if (!result.ok) return;
      onChanged(...result.value.revoked);
      setDone(`Deleted ${identity.label}: its tokens no longer work.`);
    }
    await reload();
  }

  return (
    <ToolDialog title="ACS identities" size="wide" operation={operation} onClose={onClose}>
      {!sources.loaded ? (
        <Spinner size="small" label="Loading resources…" />
      ) : sources.acs.length === 0 ? (
        <Body1>No Communication Services resource yet: add one on the Accounts page.</Body1>
      ) : (
        <>
          <AccountField kind="acs" choices={sources.acs} value={resource?.id} onChange={setAccountId} />
          <AccountPayField
            label="Authenticate with"
            kind="acs"
            account={resource}
            identities={sources.identities}
            value={pay}
            onChange={setPay}
            error={issues.via}
          />
          <CallForm className={styles.create} onSubmit={() => void create()} error={undefined}>
            <TextField label="New identity’s label" value={label} onChange={setLabel} error={issues.label}>
              How the app lists it, such as “Alice (test user)”.
            </TextField>
            <TextField label="Custom ID (optional)" value={customId} onChange={setCustomId} error={issues.customId}>
              Your own ID for the user, such as an email: ACS gives back the same identity for it next time.
            </TextField>
            <Button type="submit" disabledFocusable={busy}>
              Create identity
            </Button>
          </CallForm>
          <ErrorBar error={listError} />
          {identities.length === 0 ? (
            <Caption1 className={styles.hint}>The app remembers no identity of this resource yet.</Caption1>
          ) : (
            <AcsIdentityTable
              identities={identities}
              busy={busy}
              lastIssued={lastIssued}
              onAsk={(identity) => void ask(identity)}
              confirm={confirm}
              onConfirm={setConfirm}
              onAct={(action, identity) => void act(action, identity)}
              onGetToken={(identity) => resource && onGetToken(resource.id, identity.id)}
              onCopyNew={(identity) => void copyNew(identity)}
            />
          )}
          {done && (
            <Body1 role="status" data-testid="acs-identities-status">
              {done}
            </Body1>
          )}
          <FormErrorBar error={call.error} fields={fields} />
        </>
      )}
    </ToolDialog>
  );
}
