import { Body1, Card, CardHeader, Field, Radio, RadioGroup, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { settingsLimits, type Settings, type SettingsPatch } from '../../shared/settings.ts';
import { useAppInfo } from '../use-app-info.ts';
import type { SettingsState } from '../use-settings.ts';
import type { VaultState } from '../use-vault.ts';
import { PageHeader } from './PageHeader.tsx';
import { CloudsCard } from './settings/CloudsCard.tsx';
import { NumberSetting, rangeMessage } from './settings/NumberSetting.tsx';
import { SecretStorageCard } from './settings/SecretStorageCard.tsx';
import { useSettingStyles } from './settings/setting-styles.ts';

type NumberKey = keyof typeof settingsLimits;

// Each with its range from shared/settings.ts, where the schema takes it.
const numberFields = (
  [
    {
      key: 'clipboardClearSeconds',
      label: 'Clear copied secrets after',
      unit: 'seconds',
      hint: 'Only if the clipboard still holds what the app copied.',
    },
    {
      key: 'revealSeconds',
      label: 'Hide revealed secrets after',
      unit: 'seconds',
      hint: 'A revealed key or token is masked again after this long.',
    },
    {
      key: 'expiryWarningMinutes',
      label: 'Warn before a token expires',
      unit: 'minutes',
      hint: 'Tokens show "expiring soon" from this point.',
    },
    {
      key: 'keyRotationReminderDays',
      label: 'Remind to rotate account keys after',
      unit: 'days',
      hint: 'An account shows a reminder when a stored key is older than this.',
    },
  ] satisfies { key: NumberKey; label: string; unit: string; hint: string }[]
).map((f) => ({ ...f, ...settingsLimits[f.key] }));

/** Settings: one column of sections, their labels in one grid column (setting-styles.ts). */
export function SettingsPage({ state, vault }: { state: SettingsState; vault: VaultState }) {
  const styles = useSettingStyles();
  const info = useAppInfo();
  const [errors, setErrors] = useState<Partial<Record<keyof Settings, string>>>({});

  const { settings } = state;
  if (!settings) return <PageHeader title="Settings" lead={state.loadError ? state.loadError.message : 'Loading…'} />;

  async function save(key: keyof Settings, patch: SettingsPatch) {
    const error = await state.update(patch);
    setErrors((prev) => ({ ...prev, [key]: error?.message }));
    return error;
  }

  return (
    <>
      <PageHeader title="Settings" lead="How the app looks, how long secrets stay visible, and where everything is stored." />
      <div className={styles.page}>
        <Card className={styles.section}>
          <CardHeader header={<Subtitle2 as="h2">Appearance</Subtitle2>} />
          <Field
            className={styles.field}
            orientation="horizontal"
            label="Theme"
            hint="System follows your operating system's light or dark setting."
          >
            <RadioGroup
              layout="horizontal"
              value={settings.theme}
              onChange={(_, d) => void save('theme', { theme: d.value as Settings['theme'] })}
            >
              <Radio value="system" label="System" />
              <Radio value="light" label="Light" />
              <Radio value="dark" label="Dark" />
            </RadioGroup>
          </Field>
        </Card>

        <Card className={styles.section}>
          <CardHeader header={<Subtitle2 as="h2">Secrets and tokens</Subtitle2>} />
          <div className={styles.fields}>
            {numberFields.map((f) => (
              <NumberSetting
                key={f.key}
                label={f.label}
                hint={f.hint}
                unit={f.unit}
                value={settings[f.key]}
                min={f.min}
                max={f.max}
                onSave={async (value) => {
                  const error = await save(f.key, { [f.key]: value });
                  // The core's schema words a range as "Too small: expected number to be >=5": say what the field takes.
                  return error && (error.issues?.length ? rangeMessage(f.min, f.max, f.unit) : error.message);
                }}
              />
            ))}
          </div>
        </Card>

        <SecretStorageCard vault={vault}>
          <Field
            className={styles.field}
            orientation="horizontal"
            label="Data folder"
            hint={
              info?.dataFolderSource === 'AZCRED_HOME'
                ? 'Set by the AZCRED_HOME environment variable.'
                : 'The default app-data folder; set AZCRED_HOME to use another.'
            }
          >
            <Body1 className={styles.mono} data-testid="data-folder">
              {info?.dataFolder ?? '…'}
            </Body1>
          </Field>
        </SecretStorageCard>

        <CloudsCard
          defaultCloud={settings.defaultCloud}
          defaultCloudError={errors.defaultCloud}
          onDefaultCloud={(name) => void save('defaultCloud', { defaultCloud: name })}
          vault={vault}
        />

        <Card className={styles.section}>
          <CardHeader header={<Subtitle2 as="h2">About</Subtitle2>} />
          <Body1>
            Azure Credential Manager {info?.version ?? ''}
            {info ? ` · ${info.mode === 'browser' ? 'browser mode' : info.mode} · Node ${info.runtime.node}` : ''}
            {info?.runtime.electron ? ` · Electron ${info.runtime.electron}` : ''}
          </Body1>
        </Card>
      </div>
    </>
  );
}
