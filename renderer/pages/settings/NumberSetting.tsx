import { Field, SpinButton } from '@fluentui/react-components';
import { useState } from 'react';
import { problem } from '../../components/field-problem.ts';
import { useSettingStyles } from './setting-styles.ts';

export interface NumberSettingProps {
  label: string;
  /** What it does; the allowed range is added to it. */
  hint: string;
  unit: string;
  value: number;
  min: number;
  max: number;
  /** Saves a whole number in range; resolves to the core's refusal, if any. */
  onSave(value: number): Promise<string | undefined>;
}

/** The words for a number out of range: what the field takes, not the schema's. */
export const rangeMessage = (min: number, max: number, unit: string) => `Enter a whole number of ${unit} from ${min} to ${max}.`;

/**
 * A number setting, saved as it is committed (Enter, leaving the field, the arrows). A value out of
 * range is not sent: it stays in the field with a plain message that names the range, and the
 * message goes as soon as the user types again or a valid value is saved.
 */
export function NumberSetting({ label, hint, unit, value, min, max, onSave }: NumberSettingProps) {
  const styles = useSettingStyles();
  const [refused, setRefused] = useState<{ text: string; message: string }>();

  async function commit(next: number | null | undefined, text: string | undefined) {
    const number = next ?? (text === undefined || text.trim() === '' ? Number.NaN : Number(text));
    if (!Number.isInteger(number) || number < min || number > max) {
      return setRefused({ text: text ?? String(next ?? ''), message: rangeMessage(min, max, unit) });
    }
    setRefused(undefined);
    const error = await onSave(number);
    if (error) setRefused({ text: String(number), message: error });
  }

  return (
    <Field
      className={styles.field}
      orientation="horizontal"
      label={label}
      hint={`${hint} From ${min} to ${max} ${unit}.`}
      {...problem(refused?.message)}
    >
      <SpinButton
        className={styles.control}
        {...(refused ? { value: null, displayValue: refused.text } : { value })}
        min={min}
        max={max}
        input={{ onInput: () => setRefused((r) => (r ? { ...r, message: '' } : r)) }}
        onChange={(_, d) => void commit(d.value, d.displayValue)}
      />
    </Field>
  );
}
