import { Dropdown, Option } from '@fluentui/react-components';

export interface MultiSelectChoice {
  id: string;
  name: string;
}

export interface MultiSelectFilterProps {
  choices: readonly MultiSelectChoice[];
  /** The ids chosen; none chosen means all. */
  selected: readonly string[];
  onChange(ids: string[]): void;
  /** What it says while none is chosen: "All identities". */
  placeholder: string;
  /** The plural for several chosen: "identities" reads "3 identities". */
  many: string;
  className?: string;
  /** Its name, when no Field around it labels it. */
  'aria-label'?: string;
}

/** What the closed dropdown says: the one name chosen, how many when several, nothing (so the placeholder shows) when none. */
function multiSelectValue(choices: readonly MultiSelectChoice[], selected: readonly string[], many: string): string {
  if (selected.length > 1) return `${selected.length} ${many}`;
  return choices.find((c) => c.id === selected[0])?.name ?? '';
}

/** A dropdown that narrows a list to some of its items (Roles: identities, accounts, resources), all of them while none is chosen. */
export function MultiSelectFilter({ choices, selected, onChange, placeholder, many, ...dropdown }: MultiSelectFilterProps) {
  return (
    <Dropdown
      {...dropdown}
      multiselect
      placeholder={placeholder}
      value={multiSelectValue(choices, selected, many)}
      selectedOptions={[...selected]}
      onOptionSelect={(_, d) => onChange(d.selectedOptions)}
    >
      {choices.map((c) => (
        <Option key={c.id} value={c.id} text={c.name}>
          {c.name}
        </Option>
      ))}
    </Dropdown>
  );
}
