import { Caption1, makeStyles, mergeClasses, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { EyeRegular, PeopleTeamRegular, WarningRegular } from '@fluentui/react-icons';
import type { AuditedIdentity, AuditedResource, CapabilityResult, RoleAuditCell } from '../../../shared/roles.ts';
import { CapabilityChip } from './CapabilityChip.tsx';
import { capabilityWords, cellKey, type MatrixView } from './matrix-view.ts';
import { identityLabel } from './principal-labels.ts';
import { capabilityLabels, capabilityState, verdict, type CapabilityState } from './role-words.ts';

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
  verdict: { wordBreak: 'break-word' },
  granted: { color: tokens.colorStatusSuccessForeground1 },
  // The palette's red and orange, not the status ones: those fall under 4.5:1 on a dark cell.
  missing: { color: tokens.colorPaletteRedForeground1 },
  denied: { color: tokens.colorPaletteRedForeground1 },
  eligible: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface MatrixCellProps {
  identity: AuditedIdentity;
  resource: AuditedResource;
  cell: RoleAuditCell;
  view: MatrixView;
  selected: boolean;
  onOpen(): void;
}

/**
 * One identity on one resource: its roles and what they let it do ("No access" when nothing), or, with a capability chosen, the
 * verdict on it ("✗ needs Remote Rendering Client"). What it lacks is in words for a screen reader and in the details.
 */
export function MatrixCell({ identity, resource, cell, view, selected, onOpen }: MatrixCellProps) {
  const styles = useStyles();
  const groups = cell.assignments.flatMap((a) => (a.viaGroup ? [a.viaGroup.name] : []));
  const viaGroup = groups.length > 0;
  // The groups by name when Graph named them all, else "a group".
  const groupWords = groups.every((g) => g !== null) ? [...new Set(groups)].join(', ') : 'a group';
  const shown = view.shown(cell);
  const chosen = view.chosen && cell.capabilities.find((c) => c.id === view.chosen);
  const chips = view.missingOnly ? shown : shown.filter((c) => capabilityState(c) !== 'missing');
  const nothing = cell.roleNames.length === 0 && cell.capabilities.every((c) => capabilityState(c) === 'missing');
  const reader = cell.readBy && (view.nameOf(cell.readBy.identityId) ?? cell.readBy.name);
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
          {nothing ? (
            <Text size={200} className={styles.none}>
              No access
            </Text>
          ) : (
            cell.roleNames.length > 0 && (
              <Text size={200} weight={chosen ? 'regular' : 'semibold'} className={styles.roles}>
                {cell.roleNames.join(' · ')}
              </Text>
            )
          )}
          {(cell.eligibleRoles?.length ?? 0) > 0 && !chosen && (
            <Caption1 className={styles.note}>
              Eligible (PIM): {[...new Set(cell.eligibleRoles?.map((e) => e.roleName))].join(' · ')}
            </Caption1>
          )}
          {chosen ? (
            <Verdict capability={chosen} />
          ) : (
            <>
              {chips.length > 0 && (
                <span className={styles.chips}>
                  {chips.map((c) => (
                    <CapabilityChip key={c.id} label={capabilityLabels[c.id]} granted={c.granted} state={capabilityState(c)} size="small" />
                  ))}
                </span>
              )}
              {!nothing && chips.length === 0 && (
                <Caption1 className={styles.none}>{view.missingOnly ? 'Nothing missing' : 'No capability'}</Caption1>
              )}
              <span className={styles.hidden}> {capabilityWords(shown)}</span>
            </>
          )}
          {(viaGroup || reader) && (
            <Caption1 className={styles.note}>
              {viaGroup && (
                <>
                  <PeopleTeamRegular aria-hidden /> via {groupWords}{' '}
                </>
              )}
              {reader && (
                <>
                  <EyeRegular aria-hidden /> read using {reader}’s access
                </>
              )}
            </Caption1>
          )}
        </>
      )}
    </ToggleButton>
  );
}

/** The cell's answer for the capability chosen: a mark and a few words, coloured by state but never by colour alone. */
function Verdict({ capability }: { capability: CapabilityResult }) {
  const styles = useStyles();
  const { state, mark, words } = verdict(capability);
  const colour: Record<CapabilityState, string> = styles;
  return (
    <>
      <span className={styles.hidden}>{capabilityLabels[capability.id]}: </span>
      <Text size={200} weight="semibold" className={mergeClasses(styles.verdict, colour[state])} data-testid="verdict" data-state={state}>
        <span aria-hidden>{mark} </span>
        {words}
      </Text>
    </>
  );
}
