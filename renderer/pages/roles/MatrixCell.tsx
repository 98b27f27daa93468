import { Caption1, makeStyles, mergeClasses, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { EyeRegular, PeopleTeamRegular, WarningRegular } from '@fluentui/react-icons';
import type { AuditedIdentity, AuditedResource, CapabilityResult, RoleAuditCell } from '../../../shared/roles.ts';
import { CapabilityChip } from './CapabilityChip.tsx';
import { capabilityWords, cellKey } from './matrix-view.ts';
import { identityLabel } from './principal-labels.ts';
import { capabilityShortLabels, capabilityState } from './role-words.ts';

const useStyles = makeStyles({
  // A whole cell is one button: it opens the details panel.
  button: {
    position: 'relative',
    width: '100%',
    minHeight: '64px',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    justifyContent: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
  },
  // The cell whose details are open: a brand edge, on the cell's own background so the chips keep their contrast.
  selected: {
    boxShadow: `inset 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':hover:active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  roles: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, wordBreak: 'break-word' },
  none: { color: tokens.colorNeutralForeground3 },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  problem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteDarkOrangeForeground1 },
  // Read by a screen reader, not shown: who and where before the roles, the chips' ticks and crosses in words after them.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  note: { color: tokens.colorNeutralForeground2, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
});

export interface MatrixCellProps {
  identity: AuditedIdentity;
  resource: AuditedResource;
  cell: RoleAuditCell;
  shown: readonly CapabilityResult[];
  selected: boolean;
  onOpen(): void;
}

/** One identity on one resource: its roles and, for each capability shown, a tick or a cross. */
export function MatrixCell({ identity, resource, cell, shown, selected, onOpen }: MatrixCellProps) {
  const styles = useStyles();
  const groups = cell.assignments.flatMap((a) => (a.viaGroup ? [a.viaGroup.name] : []));
  const viaGroup = groups.length > 0;
  // The groups by name when Graph named them all, else "a group".
  const groupWords = groups.every((g) => g !== null) ? [...new Set(groups)].join(', ') : 'a group';
  return (
    <ToggleButton
      appearance="subtle"
      className={mergeClasses(styles.button, selected && styles.selected)}
      checked={selected}
      onClick={onOpen}
      data-cell-key={cellKey(identity.id, resource.accountId)}
    >
      <span className={styles.hidden}>
        {identityLabel(identity).primary} on {resource.name}:{' '}
      </span>
      {cell.state === 'unreadable' ? (
        <Caption1 className={styles.problem}>
          <WarningRegular aria-hidden />
          Could not be audited
        </Caption1>
      ) : (
        <>
          <Text size={200} weight="semibold" className={mergeClasses(styles.roles, cell.roleNames.length === 0 && styles.none)}>
            {cell.roleNames.length ? cell.roleNames.join(' · ') : 'No role'}
          </Text>
          {(cell.eligibleRoles?.length ?? 0) > 0 && (
            <Caption1 className={styles.note}>
              Eligible (PIM): {[...new Set(cell.eligibleRoles?.map((e) => e.roleName))].join(' · ')}
            </Caption1>
          )}
          {shown.length > 0 ? (
            <>
              <span className={styles.chips}>
                {shown.map((c) => (
                  <CapabilityChip
                    key={c.id}
                    label={capabilityShortLabels[c.id]}
                    granted={c.granted}
                    state={capabilityState(c)}
                    size="small"
                  />
                ))}
              </span>
              <span className={styles.hidden}> {capabilityWords(shown)}</span>
            </>
          ) : (
            <Caption1 className={styles.none}>Nothing missing</Caption1>
          )}
          {(viaGroup || cell.readBy) && (
            <Caption1 className={styles.note}>
              {viaGroup && (
                <>
                  <PeopleTeamRegular aria-hidden /> via {groupWords}{' '}
                </>
              )}
              {cell.readBy && (
                <>
                  <EyeRegular aria-hidden /> read by another identity
                </>
              )}
            </Caption1>
          )}
        </>
      )}
    </ToggleButton>
  );
}
