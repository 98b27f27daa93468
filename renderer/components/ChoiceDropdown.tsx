import { Dropdown, Option } from '@fluentui/react-components';

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
