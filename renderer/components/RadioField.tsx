import { Field, Radio, RadioGroup, type FieldProps } from '@fluentui/react-components';
import { problem } from './field-problem.ts';

export interface RadioChoice<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

export interface RadioFieldProps<T extends string> {
  label: string;
  choices: readonly RadioChoice<T>[];
  value: T;
  onChange(value: T): void;
  /** Why the choice was refused, shown under the field. */
  error?: string | undefined;
  hint?: FieldProps['hint'];
  /** Side by side, for two or three short choices. */
  horizontal?: boolean;
}

/** A labelled set of radio buttons for one of a few choices. */
export function RadioField<T extends string>({
  label,
  choices,
  value,
  onChange,
  error,
  hint = null,
  horizontal = false,
}: RadioFieldProps<T>) {
  return (
    <Field label={label} hint={hint} {...problem(error)}>
      <RadioGroup value={value} layout={horizontal ? 'horizontal' : 'vertical'} onChange={(_, d) => onChange(d.value as T)}>
        {choices.map((c) => (
          <Radio key={c.value} value={c.value} label={c.label} disabled={c.disabled === true} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** Where an export goes: a file, or text on screen to copy. */
export const exportTargets: readonly RadioChoice<'file' | 'text'>[] = [
  { value: 'file', label: 'A file' },
  { value: 'text', label: 'Text to copy' },
];
