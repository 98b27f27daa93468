import { useState } from 'react';
import type { ArrVia } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { CallForm } from '../../components/CallForm.tsx';
import { fieldIssues } from '../../components/field-problem.ts';
import { fieldProblem, useCall } from '../../components/use-call.ts';
import { AccountField } from './AccountField.tsx';
import { noMintOptions, type MintFormProps } from './mint-form.ts';
import { MintOptionsFields } from './MintOptionsFields.tsx';
import { AccountPayField, accountKeys, toVia, usePayWith } from './PayWithField.tsx';

const fields = ['accountId', 'via'] as const;

/** An ARR access token from the Mixed Reality STS: an account, paid for by one of its keys or an Entra identity. */
export function ArrTokenForm({
  formId,
  sources,
  operation,
  onMinted,
  initialAccountId,
}: MintFormProps & { initialAccountId?: string | undefined }) {
  const [accountId, setAccountId] = useState(initialAccountId ?? sources.arr[0]?.id);
  const account = sources.arr.find((a) => a.id === accountId);
  const [pay, setPay] = usePayWith(accountKeys(account), accountId);
  const [options, setOptions] = useState(noMintOptions);
  const call = useCall();
  const issues = fieldIssues(call.error, fields);

  async function submit() {
    if (!account) return call.fail(fieldProblem('accountId', 'Choose an ARR account'));
    const via = toVia(pay);
    if (!via) return call.fail(fieldProblem('via', 'Choose the identity to authenticate with', 'Choose an identity'));
    const result = await call.run(() =>
      operation.run('Asking the Mixed Reality STS for an access token…', (operationId) =>
        api.tokens.mintArr({ accountId: account.id, via: via as ArrVia, ...options, operationId }),
      ),
    );
    if (result.ok) onMinted([result.value], `Got an ARR access token for ${account.name}.`);
  }

  return (
    <CallForm id={formId} onSubmit={() => void submit()} error={call.error} fields={fields}>
      <AccountField kind="arr" required choices={sources.arr} value={accountId} error={issues.accountId} onChange={setAccountId} />
      <AccountPayField kind="arr" account={account} identities={sources.identities} value={pay} onChange={setPay} error={issues.via} />
      <MintOptionsFields value={options} onChange={setOptions} />
    </CallForm>
  );
}
