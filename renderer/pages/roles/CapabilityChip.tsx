import { Badge } from '@fluentui/react-components';
import { CheckmarkCircle12Filled, DismissCircle12Filled } from '@fluentui/react-icons';

/** One capability, granted or missing: told apart by the icon (a tick or a cross) and the word, not by colour alone. */
export function CapabilityChip({ label, granted, size = 'medium' }: { label: string; granted: boolean; size?: 'small' | 'medium' }) {
  const Icon = granted ? CheckmarkCircle12Filled : DismissCircle12Filled;
  return (
    <Badge
      appearance={granted ? 'tint' : 'outline'}
      shape="rounded"
      size={size}
      color={granted ? 'success' : 'danger'}
      icon={<Icon aria-hidden />}
      data-granted={granted}
    >
      {label}
    </Badge>
  );
}
