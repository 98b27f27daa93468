import { Body1, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { AcsVia } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { ChoiceDropdown } from './ChoiceDropdown.tsx';
import { noMintOptions, type MintFormProps } from './mint-form.ts';
import { MintOptionsFields } from './MintOptionsFields.tsx';
import { acsKeys, PayWithField, toVia, usePayWith } from './PayWithField.tsx';
import { identityLabel } from './use-token-sources.ts';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** The Teams user exchange: a Teams user signed in here gets an ACS token for Calling as themselves. */
export function TeamsTokenForm({ formId, sources, operation, onMinted }: MintFormProps) {
  const styles = useStyles();
  const [accountId, setAccountId] = useState(sources.acs[0]?.id);
  const resource = sources.acs.find((a) => a.id === accountId);
  const users = sources.identities.filter((i) => i.kind === 'user' && (!resource || i.cloud === resource.cloud));
  const [teamsIdentityId, setTeamsIdentityId] = useState<string>();
  const [pay, setPay] = usePayWith(acsKeys(resource));
  const [options, setOptions] = useState(noMintOptions);
  const [error, setError] = useState<AppErrorShape>();
  const issues = fieldIssues(error, ['accountId', 'teamsIdentityId', 'via']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = (path: string, message: string) => setError({ code: 'invalid_input', message, issues: [{ path, message }] });
    if (!resource) return local('accountId', 'Choose a Communication Services resource');
    if (!teamsIdentityId) return local('teamsIdentityId', 'Choose the Teams user (sign them in on the Identities page)');
    const via = toVia(pay);
    if (!via) return local('via', 'Choose the identity that pays');
    setError(undefined);
    const result = await operation.run('Exchanging the Teams user’s token at Communication Services…', (operationId) =>
      api.tokens.exchangeTeams({ accountId: resource.id, teamsIdentityId, via: via as AcsVia, ...options, operationId }),
    );
    if (result.ok) onMinted([result.value], `Exchanged a Teams user token on ${resource.name}.`);
    else setError(result.error);
  }

  return (
    <form id={formId} className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
      <Body1>The Teams user signs in here with their own Entra account; ACS gives back a token that lets the Calling SDK act as that Teams user.</Body1>
      <Field label="Communication Services resource" required {...problem(issues.accountId)}>
        <ChoiceDropdown
          placeholder={sources.acs.length ? 'Choose a resource' : 'No ACS resource: add one on the Accounts page'}
          choices={sources.acs.map((a) => ({ value: a.id, text: `${a.name} (${a.endpoint})` }))}
          value={accountId}
          onChange={(id) => {
            setAccountId(id);
            setPay(undefined);
          }}
        />
      </Field>
      <Field label="Teams user" required {...problem(issues.teamsIdentityId)}>
        <ChoiceDropdown
          placeholder={users.length ? 'Choose a signed-in user' : 'No user of this cloud is signed in'}
          choices={users.map((i) => ({ value: i.id, text: identityLabel(i) }))}
          value={teamsIdentityId}
          onChange={setTeamsIdentityId}
        />
      </Field>
      <PayWithField
        keys={acsKeys(resource)}
        identities={sources.identities}
        cloud={resource?.cloud}
        value={pay}
        onChange={setPay}
        error={issues.via}
        roleHint="a role that may manage the resource (Communication and Email Service Owner, Contributor or Owner)"
      />
      <MintOptionsFields value={options} onChange={setOptions} />
      <ErrorBar error={issues.form !== undefined ? error : undefined} />
    </form>
  );
}
