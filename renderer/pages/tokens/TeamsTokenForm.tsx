import { Body1, Field } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcsVia } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { CallForm } from '../../components/CallForm.tsx';
import { TextField } from '../../components/TextField.tsx';
import { RadioField, type RadioChoice } from '../../components/RadioField.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { fieldProblem, useCall } from '../../components/use-call.ts';
import { ChoiceDropdown } from '../../components/ChoiceDropdown.tsx';
import { AccountField } from './AccountField.tsx';
import { noMintOptions, type MintFormProps } from './mint-form.ts';
import { MintOptionsFields } from './MintOptionsFields.tsx';
import { AccountPayField, accountKeys, toVia, usePayWith } from './PayWithField.tsx';
import { identityLabel } from './use-token-sources.ts';

const fields = ['accountId', 'teamsIdentityId', 'via', 'token', 'appId', 'userId'] as const;

type TeamsSource = 'signed-in' | 'pasted';
const teamsSources: readonly RadioChoice<TeamsSource>[] = [
  { value: 'signed-in', label: 'Signed-in Teams user' },
  { value: 'pasted', label: 'Paste a token' },
];
const noPasted = { token: '', appId: '', userId: '' };

/**
 * The Teams user exchange: a Teams user gets an ACS token for Calling as themselves, from their
 * Entra token. Either they sign in here, or their own app got the token and the user pastes it
 * with its app ID and user ID (sent to ACS once, kept nowhere, so never auto-refreshed).
 */
export function TeamsTokenForm({ formId, sources, operation, onMinted }: MintFormProps) {
  const [accountId, setAccountId] = useState(sources.acs[0]?.id);
  const resource = sources.acs.find((a) => a.id === accountId);
  const users = sources.identities.filter((i) => i.kind === 'user' && (!resource || i.cloud === resource.cloud));
  const [from, setFrom] = useState<TeamsSource>('signed-in');
  const [teamsIdentityId, setTeamsIdentityId] = useState<string>();
  const [pasted, setPasted] = useState(noPasted);
  const [pay, setPay] = usePayWith(accountKeys(resource), accountId);
  const [options, setOptions] = useState(noMintOptions);
  const call = useCall();
  const issues = fieldIssues(call.error, fields, 'pasted.');
  const paste = (changes: Partial<typeof noPasted>) => setPasted({ ...pasted, ...changes });

  async function submit() {
    const local = (path: string, message: string) => call.fail(fieldProblem(path, message));
    if (!resource) return local('accountId', 'Choose a Communication Services resource');
    // The core checks the pasted token against the app ID and user ID: its messages never quote the token.
    const teams =
      from === 'pasted'
        ? { pasted, ...options, autoRefresh: false as const }
        : teamsIdentityId
          ? { teamsIdentityId, ...options }
          : undefined;
    if (!teams) return local('teamsIdentityId', 'Choose the Teams user (sign them in on the Identities page)');
    const via = toVia(pay);
    if (!via) return local('via', 'Choose the identity to authenticate with');
    const result = await call.run(() =>
      operation.run('Exchanging the Teams user’s token at Communication Services…', (operationId) =>
        api.tokens.exchangeTeams({ accountId: resource.id, ...teams, via: via as AcsVia, operationId }),
      ),
    );
    if (result.ok) onMinted([result.value], `Exchanged a Teams user token on ${resource.name}.`);
  }

  return (
    <CallForm id={formId} onSubmit={() => void submit()} error={call.error} fields={fields} prefix="pasted.">
      <Body1>
        ACS gives back a token that lets the Calling SDK act as a Teams user, for their Entra token: sign them in here, or paste the token
        their app got.
      </Body1>
      <AccountField kind="acs" required choices={sources.acs} value={accountId} error={issues.accountId} onChange={setAccountId} />
      <RadioField label="The Teams user’s Entra token" choices={teamsSources} value={from} onChange={(f) => (setFrom(f), call.reset())} />
      {from === 'signed-in' ? (
        <Field label="Teams user" required {...problem(issues.teamsIdentityId)}>
          <ChoiceDropdown
            placeholder={users.length ? 'Choose a signed-in user' : 'No user of this cloud is signed in'}
            choices={users.map((i) => ({ value: i.id, text: identityLabel(i) }))}
            value={teamsIdentityId}
            onChange={setTeamsIdentityId}
          />
        </Field>
      ) : (
        <>
          <TextField label="Token" required secret mono value={pasted.token} onChange={(token) => paste({ token })} error={issues.token}>
            The Entra access token your app got for the Teams user (MSAL) for the scopes
            https://auth.msft.communication.azure.com/Teams.ManageCalls and Teams.ManageChats. It is sent to ACS once and kept nowhere.
          </TextField>
          <TextField label="App ID" required mono value={pasted.appId} onChange={(appId) => paste({ appId })} error={issues.appId}>
            The app (client) ID of the Entra app the token was issued to: its appid claim.
          </TextField>
          <TextField label="User ID" required mono value={pasted.userId} onChange={(userId) => paste({ userId })} error={issues.userId}>
            The Teams user’s object ID in Entra ID: the token’s oid claim.
          </TextField>
        </>
      )}
      <AccountPayField kind="acs" account={resource} identities={sources.identities} value={pay} onChange={setPay} error={issues.via} />
      <MintOptionsFields value={options} onChange={setOptions} refreshable={from === 'signed-in'} />
    </CallForm>
  );
}
