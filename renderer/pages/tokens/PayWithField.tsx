import { Caption1, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { IdentityView } from '../../../shared/identities.ts';
import type { AcsVia, ArrVia } from '../../../shared/tokens.ts';
import { problem } from '../../components/field-problem.ts';
import { ChoiceDropdown, type Choice } from '../../components/ChoiceDropdown.tsx';
import { identityLabel, type AcsResource, type ArrAccount } from './use-token-sources.ts';

const useStyles = makeStyles({
  identity: { marginLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** What pays, as the form holds it: a key's name, or `identity` with the chosen identity beside it. */
export interface PayWith {
  method: string;
  identityId: string | undefined;
}

export function toVia(pay: PayWith): ArrVia | AcsVia | undefined {
  if (pay.method !== 'identity') return pay.method as ArrVia & AcsVia;
  return pay.identityId ? { identityId: pay.identityId } : undefined;
}

export interface PayWithFieldProps {
  label?: string;
  /** The keys the account has (primary, secondary, or the ACS access key). */
  keys: readonly Choice[];
  identities: readonly IdentityView[];
  /** The account's cloud: only identities that sign in there can pay. */
  cloud: string | undefined;
  value: PayWith;
  onChange(value: PayWith): void;
  error?: string | undefined;
  /** Who may use this: "Remote Rendering Client or Administrator on the account". */
  roleHint: string;
}

/** Authenticate with one of the account's keys, or with an Entra identity (which needs a role on it). */
export function PayWithField({
  label = 'Authenticate with',
  keys,
  identities,
  cloud,
  value,
  onChange,
  error,
  roleHint,
}: PayWithFieldProps) {
  const styles = useStyles();
  const usable = identities.filter((i) => cloud === undefined || i.cloud === cloud);
  return (
    <Field label={label} {...problem(error)}>
      <RadioGroup value={value.method} onChange={(_, d) => onChange({ ...value, method: d.value })}>
        {keys.map((k) => (
          <Radio key={k.value} value={k.value} label={k.text} />
        ))}
        <Radio value="identity" label="An Entra identity" />
      </RadioGroup>
      {value.method === 'identity' && (
        <div className={styles.identity}>
          {usable.length ? (
            <Field label="Identity" hint={`It needs ${roleHint}.`}>
              <ChoiceDropdown
                placeholder="Choose an identity"
                choices={usable.map((i) => ({ value: i.id, text: identityLabel(i) }))}
                value={value.identityId}
                onChange={(identityId) => onChange({ ...value, identityId })}
              />
            </Field>
          ) : (
            <Caption1 className={styles.hint}>
              No identity of this account's cloud is signed in: sign in on the Identities page first.
            </Caption1>
          )}
        </div>
      )}
    </Field>
  );
}

const roleHints = {
  arr: 'the Remote Rendering Client or Administrator role on the account',
  acs: 'a role that may manage the resource (Communication and Email Service Owner, Contributor or Owner)',
};

export interface AccountPayFieldProps extends Pick<PayWithFieldProps, 'label' | 'identities' | 'value' | 'onChange' | 'error'> {
  kind: 'arr' | 'acs';
  account: ArrAccount | AcsResource | undefined;
}

/** PayWithField for an ARR account or an ACS resource: its keys, its cloud, and the role an identity needs on it. */
export function AccountPayField({ kind, account, ...props }: AccountPayFieldProps) {
  return <PayWithField {...props} keys={accountKeys(account)} cloud={account?.cloud} roleHint={roleHints[kind]} />;
}

/** The keys an account can pay with: an ARR account's primary and secondary key, an ACS resource's access key. */
export function accountKeys(account: ArrAccount | AcsResource | undefined): Choice[] {
  return account?.kind === 'arr' ? arrKeys(account) : acsKeys(account);
}

export function arrKeys(account: { hasPrimaryKey: boolean; hasSecondaryKey: boolean } | undefined): Choice[] {
  if (!account) return [];
  return [
    ...(account.hasPrimaryKey ? [{ value: 'primaryKey', text: 'Primary key' }] : []),
    ...(account.hasSecondaryKey ? [{ value: 'secondaryKey', text: 'Secondary key' }] : []),
  ];
}

export function acsKeys(resource: { hasAccessKey: boolean } | undefined): Choice[] {
  return resource?.hasAccessKey ? [{ value: 'accessKey', text: 'Access key (HMAC)' }] : [];
}

/** The first way to pay the account offers: its first key, else an identity. */
export function defaultPayWith(keys: readonly Choice[]): PayWith {
  return { method: keys[0]?.value ?? 'identity', identityId: undefined };
}

/**
 * What pays: the user's pick, else the account's first way to pay (again after `setPay(undefined)`,
 * or, given the chosen `accountId`, as soon as another account is chosen: a pick belongs to its account).
 */
export function usePayWith(keys: readonly Choice[], accountId?: string): [pay: PayWith, setPay: (pay: PayWith | undefined) => void] {
  const [picked, setPicked] = useState<{ pay: PayWith; accountId: string | undefined }>();
  const setPay = useCallback((pay: PayWith | undefined) => setPicked(pay && { pay, accountId }), [accountId]);
  return [picked && picked.accountId === accountId ? picked.pay : defaultPayWith(keys), setPay];
}
