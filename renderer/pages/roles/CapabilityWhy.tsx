import { Body1, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CapabilityResult } from '../../../shared/roles.ts';
import { CapabilityChip } from './CapabilityChip.tsx';
import { capabilityLabels, capabilityState, capabilityStateLabels } from './role-words.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  muted: { color: tokens.colorNeutralForeground2 },
  // The sentence names data actions (Microsoft.MixedReality/RemoteRenderingAccounts/render/read): they wrap rather than overflow.
  why: { overflowWrap: 'anywhere' },
});

/**
 * One capability of a cell: granted or missing, and the core's sentence that says why (which role,
 * at which scope, through which group), or what removed it and which built-in roles would grant it.
 */
export function CapabilityWhy({ capability: c }: { capability: CapabilityResult }) {
  const styles = useStyles();
  return (
    <li className={styles.root} data-capability={c.id}>
      <div className={styles.head}>
        <CapabilityChip label={capabilityStateLabels[capabilityState(c)]} granted={c.granted} state={capabilityState(c)} />
        <Text weight="semibold">{capabilityLabels[c.id]}</Text>
      </div>
      <Body1 className={styles.why} data-testid="capability-why">
        {c.why}
      </Body1>
      <Caption1 className={styles.muted}>
        Decided by the {c.permissionKind === 'dataAction' ? 'data action' : 'control-plane action'}{' '}
        <span className={styles.mono}>{c.operation}</span>
      </Caption1>
    </li>
  );
}
