import { Badge } from '@fluentui/react-components';
import type { AccountView } from '../../../shared/accounts.ts';
import { kindLabels } from './account-filter.ts';

/** The account's kind: Communication Services in the brand colour; Remote Rendering, retired, in a neutral one that says so. */
export function KindBadge({ kind, size }: { kind: AccountView['kind']; size?: 'small' }) {
  return kind === 'acs' ? (
    <Badge appearance="tint" color="brand" {...(size ? { size } : {})}>
      {kindLabels.acs}
    </Badge>
  ) : (
    <Badge appearance="outline" color="informative" {...(size ? { size } : {})}>
      {kindLabels.arr} · Retired
    </Badge>
  );
}
