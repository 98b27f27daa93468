import {
  Body1,
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import type { AppErrorShape } from '../../../shared/errors.ts';
import { keyRotationGuidance, type KeyName, type KeyRotationResult } from '../../../shared/key-rotation.ts';
import { api } from '../../api.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { DoneButton } from '../../components/DoneButton.tsx';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { useIdentities } from '../identities/use-identities.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '620px', width: '100%' },
  action: { whiteSpace: 'nowrap' },
});

const anyIdentity = '';

export interface RotateKeyDialogProps {
  account: AccountView;
  onRotated(account: AccountView): void;
  onClose(): void;
}

/** Regenerates the primary or secondary key through Azure Resource Manager, after the two-key guidance; then says what changed here. */
export function RotateKeyDialog({ account, onRotated, onClose }: RotateKeyDialogProps) {
  const styles = useStyles();
  const dialog = useDialogStyles();
  const { identities } = useIdentities();
  const [key, setKey] = useState<KeyName>('primary');
  const [identityId, setIdentityId] = useState(anyIdentity);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const [done, setDone] = useState<KeyRotationResult>();
  const issues = fieldIssues(error, ['identityId']);
  const ofCloud = (identities ?? []).filter((i) => i.cloud === account.cloud);
  const chosen = ofCloud.find((i) => i.id === identityId);

  async function rotate() {
    setBusy(true);
    setError(undefined);
    const result = await api.accounts.rotateKey({ id: account.id, key, ...(identityId ? { identityId } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(result.value);
    onRotated(result.value.account);
  }

  return (
    <ModalDialog modalType="alert" onOpenChange={(_, d) => !d.open && !busy && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{done ? `Regenerated the ${done.key} key` : `Regenerate a key of “${account.name}”?`}</DialogTitle>
          <DialogContent className={dialog.content}>
            {done ? (
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody role="status">
                  <MessageBarTitle>
                    {done.storedKeyUpdated ? `The stored ${done.key} key was updated` : 'Nothing stored here changed'}
                  </MessageBarTitle>
                  Regenerated at <time dateTime={done.rotatedAt}>{new Date(done.rotatedAt).toLocaleString()}</time> by {done.by.name}.{' '}
                  {done.guidance}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <Field label="Key to regenerate">
                  <RadioGroup value={key} layout="horizontal" onChange={(_, d) => setKey(d.value as KeyName)} disabled={busy}>
                    <Radio value="primary" label="Primary key" />
                    <Radio value="secondary" label="Secondary key" />
                  </RadioGroup>
                </Field>
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody data-testid="rotation-guidance">
                    <MessageBarTitle>Move clients to the other key first</MessageBarTitle>
                    {keyRotationGuidance(account, key)}
                  </MessageBarBody>
                </MessageBar>
                <Field
                  label="Regenerate as"
                  hint="Needs a role that may regenerate keys, such as Contributor or Owner."
                  {...problem(issues.identityId)}
                >
                  <Dropdown
                    value={chosen ? (chosen.username ?? chosen.name) : 'Any signed-in identity that may'}
                    selectedOptions={[identityId]}
                    disabled={busy}
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
                {busy && <Spinner size="tiny" label={`Regenerating the ${key} key…`} />}
                <ErrorBar error={issues.form !== undefined ? error : undefined} />
              </>
            )}
          </DialogContent>
          <DialogActions>
            {done ? (
              <DoneButton onClick={onClose}>Close</DoneButton>
            ) : (
              <>
                <Button appearance="secondary" onClick={onClose} disabled={busy}>
                  Cancel
                </Button>
                <Button appearance="primary" className={styles.action} onClick={() => void rotate()} disabledFocusable={busy}>
                  Regenerate the {key} key
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </ModalDialog>
  );
}
