import { Badge } from '@fluentui/react-components';
import { CheckmarkCircle12Filled, Clock12Filled, DismissCircle12Filled, Prohibited12Filled } from '@fluentui/react-icons';
import type { CapabilityState } from './role-words.ts';

const looks = {
  granted: { Icon: CheckmarkCircle12Filled, appearance: 'tint', color: 'success' },
  missing: { Icon: DismissCircle12Filled, appearance: 'outline', color: 'danger' },
  denied: { Icon: Prohibited12Filled, appearance: 'filled', color: 'danger' },
  eligible: { Icon: Clock12Filled, appearance: 'outline', color: 'warning' },
} as const;

/**
 * One capability: granted, missing, denied by a deny assignment or eligible through PIM, told apart by the icon (a tick, a cross,
 * a no-entry sign, a clock) and the word, not by colour alone.
 */
export function CapabilityChip({
  label,
  granted,
  state = granted ? 'granted' : 'missing',
  size = 'medium',
}: {
  label: string;
  granted: boolean;
  state?: CapabilityState;
  size?: 'small' | 'medium';
}) {
  const { Icon, appearance, color } = looks[state];
  return (
    <Badge
      appearance={appearance}
      shape="rounded"
      size={size}
      color={color}
      icon={<Icon aria-hidden />}
      data-granted={granted}
      data-state={state}
    >
      {label}
    </Badge>
  );
}
