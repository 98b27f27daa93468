import type { CloudProfileView } from '../../shared/clouds.ts';
import { ChoiceDropdown } from './ChoiceDropdown.tsx';

/** What a form that works in one cloud is given: the cloud profiles to choose from, and the one it starts on. */
export interface CloudChoice {
  clouds: readonly CloudProfileView[];
  /** The name of the cloud the form starts on: the default cloud from Settings. */
  defaultCloud: string;
}

export interface CloudDropdownProps {
  clouds: readonly CloudProfileView[];
  /** The chosen cloud's name. */
  value: string;
  onChange(name: string): void;
  disabled?: boolean;
}

/** Picks a cloud profile by its display name; put it in a Field, which labels it. */
export function CloudDropdown({ clouds, value, onChange, disabled = false }: CloudDropdownProps) {
  return (
    <ChoiceDropdown
      choices={clouds.map((c) => ({ value: c.name, text: c.displayName }))}
      value={value}
      onChange={onChange}
      // A cloud the list does not have (yet) shows by its name.
      placeholder={value}
      disabled={disabled}
    />
  );
}
