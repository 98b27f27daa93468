import { Dropdown, Field, Option, type FieldProps } from '@fluentui/react-components';
import { problem } from './field-problem.ts';

export interface Choice {
  value: string;
  text: string;
}

export interface ChoiceDropdownProps {
  choices: readonly Choice[];
  value: string | undefined;
  onChange(value: string): void;
  placeholder: string;
  disabled?: boolean;
}

/** A dropdown of plain choices; put it in a Field, which labels it. */
export function ChoiceDropdown({ choices, value, onChange, placeholder, disabled = false }: ChoiceDropdownProps) {
  return (
    <Dropdown
      placeholder={placeholder}
      value={choices.find((c) => c.value === value)?.text ?? ''}
      selectedOptions={value ? [value] : []}
      disabled={disabled}
      onOptionSelect={(_, d) => d.optionValue && onChange(d.optionValue)}
    >
      {choices.map((c) => (
        <Option key={c.value} value={c.value}>
          {c.text}
        </Option>
      ))}
    </Dropdown>
  );
}

export interface ChoiceFieldProps extends ChoiceDropdownProps {
  label: string;
  required?: boolean;
  /** Why the choice was refused, shown under the field. */
  error?: string | undefined;
  /** What to choose, shown under the field. */
  children?: FieldProps['hint'];
}

/** A labelled ChoiceDropdown with its hint and the core's complaint about it. */
export function ChoiceField({ label, required = false, error, children = null, ...dropdown }: ChoiceFieldProps) {
  return (
    <Field label={label} required={required} hint={children} {...problem(error)}>
      <ChoiceDropdown {...dropdown} />
    </Field>
  );
}
