import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ImportReport } from '../../../shared/accounts.ts';
import { api } from '../../api.ts';
import { CloudDropdown, type CloudChoice } from '../../components/CloudDropdown.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { FileChooser } from '../../components/FileChooser.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { plural } from '../../components/plural.ts';
import { useCall } from '../../components/use-call.ts';
import { maskKeys } from './import-mask.ts';
import { ImportPreview } from './ImportPreview.tsx';

const fields = ['passphrase', 'text'] as const;

const maxBytes = 1_000_000;

export interface ImportDialogProps extends CloudChoice {
  /** Called after a real import added accounts, so the list can be loaded again. */
  onImported(): void;
  onClose(): void;
}

/**
 * Imports accounts from pasted text or a file: preview first, then add the ones the user keeps.
 * Once previewed, the pasted text shows its keys masked, and cannot be edited until shown again.
 */
export function ImportDialog({ clouds, defaultCloud, onImported, onClose }: ImportDialogProps) {
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [cloud, setCloud] = useState(defaultCloud);
  const [preview, setPreview] = useState<ImportReport>();
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [done, setDone] = useState<ImportReport>();
  // Once the text is read, the keys in it are masked on screen (accesskey=••••) unless the user shows them.
  const [showKeys, setShowKeys] = useState(false);
  const call = useCall();
  const issues = fieldIssues(call.error, fields);
  const passphraseIssue = issues.passphrase;
  const textIssue = issues.text;
  const masked = preview !== undefined && !showKeys && !file;

  function changed() {
    setPreview(undefined);
    call.reset();
  }

  async function run(dryRun: boolean) {
    const text = file?.text ?? pasted;
    const input = {
      text,
      cloud,
      dryRun,
      ...(file ? { fileName: file.name } : {}),
      ...(passphrase ? { passphrase } : {}),
      ...(dryRun ? {} : { only: [...chosen].sort((a, b) => a - b) }),
    };
    const result = await call.run(() => api.accounts.import(input));
    if (!result.ok) {
      if (result.error.issues?.some((i) => i.path === 'passphrase')) setNeedsPassphrase(true);
      return;
    }
    if (result.value.format === 'encrypted-json') setNeedsPassphrase(true);
    if (dryRun) {
      setShowKeys(false);
      setPreview(result.value);
      setChosen(new Set(result.value.items.filter((i) => i.status === 'ready').map((i) => i.index)));
    } else {
      setDone(result.value);
      if (result.value.added > 0) onImported();
    }
  }

  return (
    <FormDialog
      title="Import accounts"
      size="wide"
      submit={
        preview
          ? { label: `Import ${plural(chosen.size, 'account', 'accounts')}`, disabled: chosen.size === 0 }
          : { label: 'Preview', disabled: !(file?.text ?? pasted).trim() }
      }
      onSubmit={() => void run(!preview)}
      actions={
        preview && (
          <Button onClick={() => void run(true)} disabledFocusable={call.busy}>
            Preview
          </Button>
        )
      }
      busy={call.busy}
      error={call.error}
      fields={fields}
      done={
        done && (
          <>
            <MessageBar intent={done.added > 0 ? 'success' : 'warning'}>
              <MessageBarBody role="status">Added {plural(done.added, 'account', 'accounts')}.</MessageBarBody>
            </MessageBar>
            <ImportPreview items={done.items} chosen={undefined} />
          </>
        )
      }
      onClose={onClose}
    >
      <Body1>
        Paste an ACS connection string or the contents of a .env or JSON file, or choose the file. Nothing is added until you confirm the
        preview.
      </Body1>
      <Field label="Text to import" {...problem(textIssue)}>
        <Textarea
          value={masked ? maskKeys(pasted) : pasted}
          readOnly={masked}
          disabled={file !== undefined}
          resize="vertical"
          // It holds keys: not kept for session restore, not sent to a spelling service. Textarea
          // passes autoComplete on only through its textarea slot.
          textarea={{ autoComplete: 'off' }}
          spellCheck={false}
          placeholder="endpoint=https://….communication.azure.com/;accesskey=…"
          onChange={(_, d) => (setPasted(d.value), changed())}
        />
      </Field>
      {preview && !file && (
        <Button
          appearance="subtle"
          icon={showKeys ? <EyeOffRegular /> : <EyeRegular />}
          aria-pressed={showKeys}
          onClick={() => setShowKeys((shown) => !shown)}
        >
          {showKeys ? 'Hide the keys' : 'Show the keys to edit'}
        </Button>
      )}
      <FileChooser
        label="Choose a file…"
        accept=".env,.json,.txt,text/plain,application/json"
        testId="import-file"
        maxBytes={maxBytes}
        tooLarge={() => 'The file is larger than 1 MB: import it in parts.'}
        onRead={(read) => (changed(), setFile(read))}
        onRefused={(message) => (changed(), call.fail({ code: 'invalid_input', message }))}
      >
        {file && (
          <>
            <Body1>
              {file.name} ({Math.ceil(file.text.length / 1024).toLocaleString()} KB)
            </Body1>
            <Button appearance="subtle" onClick={() => (setFile(undefined), changed())}>
              Use pasted text instead
            </Button>
          </>
        )}
      </FileChooser>
      {(needsPassphrase || passphraseIssue) && (
        <Field label="Passphrase of the encrypted file" required {...problem(passphraseIssue)}>
          <Input type="password" autoComplete="off" value={passphrase} onChange={(_, d) => (setPassphrase(d.value), changed())} />
        </Field>
      )}
      <Field label="Cloud for accounts that do not name one">
        <CloudDropdown clouds={clouds} value={cloud} onChange={(name) => (setCloud(name), changed())} />
      </Field>
      {preview && (
        <ImportPreview
          items={preview.items}
          chosen={chosen}
          onChoose={(index, on) =>
            setChosen((prev) => {
              const next = new Set(prev);
              if (on) next.add(index);
              else next.delete(index);
              return next;
            })
          }
        />
      )}
    </FormDialog>
  );
}
