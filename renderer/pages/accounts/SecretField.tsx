import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { AccountSecret } from '../../../shared/accounts.ts';
import { api } from '../../api.ts';
import { copySecret, type CopySettings } from '../../components/secret-clipboard.ts';
import { SecretValue } from '../../components/SecretValue.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface SecretFieldProps {
  accountId: string;
  secret: AccountSecret;
  /** "Primary key", in the user's words. */
  label: string;
  copy: CopySettings;
  /** The vault lost this secret (a damaged file was set aside): nothing to reveal or copy. */
  missing?: boolean;
}

/** A stored secret of an account, masked until the user reveals it; or, when the vault lost it, what to do. */
export function SecretField({ accountId, secret, label, copy, missing = false }: SecretFieldProps) {
  const styles = useStyles();
  const labelId = useId();
  if (missing) {
    return (
      <div className={styles.root} role="group" aria-labelledby={labelId}>
        <Text id={labelId} weight="semibold">
          {label}
        </Text>
        <Caption1 className={styles.hint}>Missing from the vault: edit the account to add it again.</Caption1>
      </div>
    );
  }
  return (
    <SecretValue
      label={label}
      testId={`secret-${secret}`}
      reveal={() => api.accounts.reveal({ id: accountId, secret })}
      copy={() => copySecret(accountId, secret, copy)}
      onError={copy.onError}
    />
  );
}
