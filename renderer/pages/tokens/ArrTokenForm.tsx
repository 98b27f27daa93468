import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { ArrVia } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { ChoiceDropdown } from './ChoiceDropdown.tsx';
import { noMintOptions, type MintFormProps } from './mint-form.ts';
import { MintOptionsFields } from './MintOptionsFields.tsx';
import { arrKeys, PayWithField, toVia, usePayWith } from './PayWithField.tsx';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** An ARR access token from the Mixed Reality STS: an account, paid for by one of its keys or an Entra identity. */
export function ArrTokenForm({
  formId,
  sources,
  operation,
  onMinted,
  initialAccountId,
}: MintFormProps & { initialAccountId?: string | undefined }) {
  const styles = useStyles();
  const [accountId, setAccountId] = useState(initialAccountId ?? sources.arr[0]?.id);
  const account = sources.arr.find((a) => a.id === accountId);
  const [pay, setPay] = usePayWith(arrKeys(account));
  const [options, setOptions] = useState(noMintOptions);
  const [error, setError] = useState<AppErrorShape>();
  const issues = fieldIssues(error, ['accountId', 'via']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!account)
      return setError({
        code: 'invalid_input',
        message: 'Choose an ARR account',
        issues: [{ path: 'accountId', message: 'Choose an ARR account' }],
      });
    const via = toVia(pay);
    if (!via)
      return setError({
        code: 'invalid_input',
        message: 'Choose the identity that pays',
        issues: [{ path: 'via', message: 'Choose an identity' }],
      });
    setError(undefined);
    const result = await operation.run('Asking the Mixed Reality STS for an access token…', (operationId) =>
      api.tokens.mintArr({ accountId: account.id, via: via as ArrVia, ...options, operationId }),
    );
    if (result.ok) onMinted([result.value], `Minted an ARR access token for ${account.name}.`);
    else setError(result.error);
  }

  return (
    <form id={formId} className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
      <Field label="ARR account" required {...problem(issues.accountId)}>
        <ChoiceDropdown
          placeholder={sources.arr.length ? 'Choose an account' : 'No ARR account: add one on the Accounts page'}
          choices={sources.arr.map((a) => ({ value: a.id, text: `${a.name} (${a.accountDomain})` }))}
          value={accountId}
          onChange={(id) => {
            setAccountId(id);
            setPay(undefined);
          }}
        />
      </Field>
      <PayWithField
        keys={arrKeys(account)}
        identities={sources.identities}
        cloud={account?.cloud}
        value={pay}
        onChange={setPay}
        error={issues.via}
        roleHint="the Remote Rendering Client or Administrator role on the account"
      />
      <MintOptionsFields value={options} onChange={setOptions} />
      <ErrorBar error={issues.form !== undefined ? error : undefined} />
    </form>
  );
}
