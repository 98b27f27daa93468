import {
  Body1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Spinner,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import { keyRotationGuidance, type KeyName, type KeyRotationResult } from '../../../shared/key-rotation.ts';
import { api } from '../../api.ts';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useCall } from '../../components/use-call.ts';
import { useIdentities } from '../identities/use-identities.ts';
import { WarningBar } from '../../components/WarningBar.tsx';
import { formatMoment } from '../../components/when.ts';

const fields = ['identityId'] as const;

const useStyles = makeStyles({
  action: { whiteSpace: 'nowrap' },
});

const anyIdentity = '';

export interface RotateKeyDialogProps {
  account: AccountView;
  /** The key chosen when the dialog opens ("regenerate secondary Showroom" from the palette); primary otherwise. */
  initialKey?: KeyName | undefined;
  onRotated(account: AccountView): void;
  onClose(): void;
}

/** Regenerates the primary or secondary key through Azure Resource Manager, after the two-key guidance; then says what changed here. */
export function RotateKeyDialog({ account, initialKey = 'primary', onRotated, onClose }: RotateKeyDialogProps) {
  const styles = useStyles();
  const { identities } = useIdentities();
  const [key, setKey] = useState<KeyName>(initialKey);
  const [identityId, setIdentityId] = useState(anyIdentity);
  const call = useCall();
  const [done, setDone] = useState<KeyRotationResult>();
  const issues = fieldIssues(call.error, fields);
  const ofCloud = (identities ?? []).filter((i) => i.cloud === account.cloud);
  const chosen = ofCloud.find((i) => i.id === identityId);

  async function rotate() {
    const result = await call.run(() => api.accounts.rotateKey({ id: account.id, key, ...(identityId ? { identityId } : {}) }));
    if (!result.ok) return;
    setDone(result.value);
    onRotated(result.value.account);
  }

  return (
    <FormDialog
      alert
      title={done ? `Regenerated the ${done.key} key` : `Regenerate a key of “${account.name}”?`}
      size="medium"
      submit={{ label: <span className={styles.action}>Regenerate the {key} key</span>, danger: true }}
      onSubmit={() => void rotate()}
      busy={call.busy}
      holdOpen
      error={call.error}
      fields={fields}
      progress={call.busy && <Spinner size="tiny" label={`Regenerating the ${key} key…`} />}
      done={
        done && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody role="status">
              <MessageBarTitle>
                {done.storedKeyUpdated ? `The stored ${done.key} key was updated` : 'Nothing stored here changed'}
              </MessageBarTitle>
              Regenerated at <time dateTime={done.rotatedAt}>{formatMoment(done.rotatedAt)}</time> by {done.by.name}. {done.guidance}
            </MessageBarBody>
          </MessageBar>
        )
      }
      onClose={onClose}
    >
      <Field label="Key to regenerate">
        <RadioGroup value={key} layout="horizontal" onChange={(_, d) => setKey(d.value as KeyName)} disabled={call.busy}>
          <Radio value="primary" label="Primary key" />
          <Radio value="secondary" label="Secondary key" />
        </RadioGroup>
      </Field>
      <WarningBar title="Move clients to the other key first" testId="rotation-guidance">
        {keyRotationGuidance(account, key)}
      </WarningBar>
      <Field
        label="Regenerate as"
        hint="Needs a role that may regenerate keys, such as Contributor or Owner."
        {...problem(issues.identityId)}
      >
        <Dropdown
          value={chosen ? (chosen.username ?? chosen.name) : 'Any signed-in identity that may'}
          selectedOptions={[identityId]}
          disabled={call.busy}
          onOptionSelect={(_, d) => setIdentityId(d.optionValue ?? anyIdentity)}
        >
          <Option value={anyIdentity}>Any signed-in identity that may</Option>
          {ofCloud.map((i) => (
            <Option key={i.id} value={i.id} text={i.username ?? i.name}>
              {i.username ?? i.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {ofCloud.length === 0 && identities !== undefined && (
        <Body1>
          No identity of this account’s cloud is signed in: keys are regenerated through Azure Resource Manager, so sign in first.
        </Body1>
      )}
    </FormDialog>
  );
}
