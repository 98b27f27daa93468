import { Body1, Card, CardHeader, Field, makeStyles, Radio, RadioGroup, SpinButton, Subtitle2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { settingsLimits, type Settings, type SettingsPatch } from '../../shared/settings.ts';
import { useAppInfo } from '../use-app-info.ts';
import type { SettingsState } from '../use-settings.ts';
import type { VaultState } from '../use-vault.ts';
import { problem } from '../components/field-problem.ts';
import { PageHeader } from './PageHeader.tsx';
import { CloudsCard } from './settings/CloudsCard.tsx';
import { SecretStorageCard } from './settings/SecretStorageCard.tsx';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', alignItems: 'start' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  wide: { gridColumn: '1 / -1' },
});

type NumberKey = keyof typeof settingsLimits;

// Each with its range from shared/settings.ts, where the schema takes it.
const numberFields = (
  [
    {
      key: 'clipboardClearSeconds',
      label: 'Clear copied secrets after (seconds)',
      hint: 'Only if the clipboard still holds what the app copied.',
    },
    {
      key: 'revealSeconds',
      label: 'Hide revealed secrets after (seconds)',
      hint: 'A revealed key or token is masked again after this long.',
    },
    {
      key: 'expiryWarningMinutes',
      label: 'Warn before a token expires (minutes)',
      hint: 'Tokens show "expiring soon" from this point.',
    },
    {
      key: 'keyRotationReminderDays',
      label: 'Remind to rotate account keys after (days)',
      hint: 'An account shows a reminder when a stored key is older than this.',
    },
  ] satisfies { key: NumberKey; label: string; hint: string }[]
).map((f) => ({ ...f, ...settingsLimits[f.key] }));

export function SettingsPage({ state, vault }: { state: SettingsState; vault: VaultState }) {
  const styles = useStyles();
  const info = useAppInfo();
  const [errors, setErrors] = useState<Partial<Record<keyof Settings, string>>>({});

  const { settings } = state;
  if (!settings) return <PageHeader title="Settings" lead={state.loadError ? state.loadError.message : 'Loading…'} />;

  async function save(key: keyof Settings, patch: SettingsPatch) {
    const error = await state.update(patch);
    setErrors((prev) => ({ ...prev, [key]: error ? (error.issues?.[0]?.message ?? error.message) : undefined }));
  }

  return (
    <>
      <PageHeader title="Settings" lead="How the app looks, how long secrets stay visible, and where everything is stored." />
      <div className={styles.grid}>
        <Card>
          <CardHeader header={<Subtitle2 as="h2">Appearance</Subtitle2>} />
          <Field label="Theme" hint="System follows your operating system's light or dark setting.">
            <RadioGroup value={settings.theme} onChange={(_, d) => void save('theme', { theme: d.value as Settings['theme'] })}>
              <Radio value="system" label="System" />
              <Radio value="light" label="Light" />
              <Radio value="dark" label="Dark" />
            </RadioGroup>
          </Field>
        </Card>

        <Card>
          <CardHeader header={<Subtitle2 as="h2">Secrets and tokens</Subtitle2>} />
          <div className={styles.fields}>
            {numberFields.map((f) => (
              <Field key={f.key} label={f.label} hint={f.hint} {...problem(errors[f.key])}>
                <SpinButton
                  value={settings[f.key]}
                  min={f.min}
                  max={f.max}
                  onChange={(_, d) => {
                    const value = d.value ?? (d.displayValue === undefined ? Number.NaN : Number(d.displayValue));
                    if (Number.isInteger(value)) void save(f.key, { [f.key]: value });
                    else setErrors((prev) => ({ ...prev, [f.key]: `Enter a whole number from ${f.min} to ${f.max}` }));
                  }}
                />
              </Field>
            ))}
          </div>
        </Card>

        <Card>
          <CardHeader header={<Subtitle2 as="h2">Storage</Subtitle2>} />
          <Field
            label="Data folder"
            hint={
              info?.dataFolderSource === 'AZCRED_HOME'
                ? 'Set by the AZCRED_HOME environment variable.'
                : 'The default app-data folder; set AZCRED_HOME to use another.'
            }
          >
            <Body1 className={styles.path} data-testid="data-folder">
              {info?.dataFolder ?? '…'}
            </Body1>
          </Field>
        </Card>

        <SecretStorageCard vault={vault} />

        <Card>
          <CardHeader header={<Subtitle2 as="h2">About</Subtitle2>} />
          <Body1>
            Azure Credential Manager {info?.version ?? ''}
            {info ? ` · ${info.mode === 'browser' ? 'browser mode' : info.mode} · Node ${info.runtime.node}` : ''}
            {info?.runtime.electron ? ` · Electron ${info.runtime.electron}` : ''}
          </Body1>
        </Card>

        <CloudsCard
          className={styles.wide}
          defaultCloud={settings.defaultCloud}
          defaultCloudError={errors.defaultCloud}
          onDefaultCloud={(name) => void save('defaultCloud', { defaultCloud: name })}
          vault={vault}
        />
      </div>
    </>
  );
}
