import { Dropdown, Option } from '@fluentui/react-components';
import type { CloudProfileView } from '../../shared/clouds.ts';

export interface CloudDropdownProps {
  clouds: readonly CloudProfileView[];
  /** The chosen cloud's name. */
  value: string;
  onChange(name: string): void;
  disabled?: boolean;
}

/** Picks a cloud profile by its display name; put it in a Field, which labels it. */
export function CloudDropdown({ clouds, value, onChange, disabled }: CloudDropdownProps) {
  return (
    <Dropdown
      value={clouds.find((c) => c.name === value)?.displayName ?? value}
      selectedOptions={[value]}
      disabled={disabled ?? false}
      onOptionSelect={(_, d) => d.optionValue && onChange(d.optionValue)}
    >
      {clouds.map((c) => (
        <Option key={c.name} value={c.name}>
          {c.displayName}
        </Option>
      ))}
    </Dropdown>
  );
}
