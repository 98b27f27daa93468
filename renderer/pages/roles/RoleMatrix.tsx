import { Badge, Caption1, makeStyles, mergeClasses, Text, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { PersonRegular, WarningRegular, WrenchRegular } from '@fluentui/react-icons';
import { kindLabels } from '../accounts/account-filter.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { AddDiscoveredButton } from './AddDiscoveredButton.tsx';
import { MatrixCell } from './MatrixCell.tsx';
import { identityLabel } from './principal-labels.ts';
import { cellKey, type MatrixView } from './matrix-view.ts';

const useStyles = makeStyles({
  scroller: { maxHeight: '100%' },
  table: { borderCollapse: 'separate', borderSpacing: 0, minWidth: '100%' },
  // The identity column and the resource row stay in view while the matrix scrolls. The widths let
  // five resources fit beside the identities in a 1400 px window (the demo's data); more scroll.
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 2 },
  columnHead: { position: 'sticky', top: 0, zIndex: 1, minWidth: '130px', maxWidth: '240px' },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, minWidth: '200px', maxWidth: '220px' },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    textAlign: 'left',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightRegular,
  },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, wordBreak: 'break-word' },
  muted: { color: tokens.colorNeutralForeground2 },
  // A badge's text does not wrap: it would run out of the badge's outline.
  kind: { whiteSpace: 'nowrap' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  cell: {
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalXXS,
    minWidth: '150px',
    maxWidth: '240px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  otherCloud: { display: 'block', padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

/** A user name may wrap before its domain rather than in the middle of a word. */
const breakBeforeAt = (name: string) => {
  const at = name.indexOf('@');
  return at > 0 ? (
    <>
      {name.slice(0, at)}
      <wbr />
      {name.slice(at)}
    </>
  ) : (
    name
  );
};

export interface RoleMatrixProps {
  view: MatrixView;
  selectedKey: string | undefined;
  onOpen(identityId: string, accountId: string): void;
}

/** Identities down, resources across; each cell is a button that opens its details. Arrow keys move between cells. */
export function RoleMatrix({ view, selectedKey, onOpen }: RoleMatrixProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const arrows = useArrowNavigationGroup({ axis: 'grid-linear', memorizeCurrent: true });
  return (
    <div className={mergeClasses(layout.tableBox, styles.scroller)} tabIndex={-1}>
      <table className={styles.table} aria-label="Role matrix" {...arrows}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.head, styles.corner)}>
              <Caption1 className={styles.muted}>Identity ↓ · Resource →</Caption1>
            </th>
            {view.columns.map((r) => (
              <th key={r.accountId} scope="col" className={mergeClasses(styles.head, styles.columnHead)}>
                <span className={styles.stack}>
                  <Text weight="semibold" size={200} className={styles.line}>
                    {r.name}
                  </Text>
                  <Badge appearance="tint" size="small" color={r.kind === 'acs' ? 'brand' : 'informative'} className={styles.kind}>
                    {kindLabels[r.kind]}
                  </Badge>
                  {r.problem && (
                    <Caption1 className={mergeClasses(styles.line, styles.warning)}>
                      <WarningRegular aria-hidden /> Not found in Azure
                    </Caption1>
                  )}
                  {r.discovered && (
                    <>
                      <Caption1 className={mergeClasses(styles.line, styles.muted)}>Seen in Azure, not added</Caption1>
                      <AddDiscoveredButton resource={r} />
                    </>
                  )}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((identity) => (
            <tr key={identity.id}>
              <th scope="row" className={mergeClasses(styles.head, styles.rowHead)}>
                <span className={styles.stack}>
                  <Text weight="semibold" size={200} className={styles.line}>
                    {breakBeforeAt(identityLabel(identity).primary)}
                  </Text>
                  {identityLabel(identity).secondary !== null && (
                    <Caption1 className={mergeClasses(styles.line, styles.muted)}>
                      {breakBeforeAt(identityLabel(identity).secondary ?? '')}
                    </Caption1>
                  )}
                  <Caption1 className={mergeClasses(styles.line, styles.muted)}>
                    {identity.kind === 'user' ? <PersonRegular aria-hidden /> : <WrenchRegular aria-hidden />}
                    {identity.kind === 'user' ? 'User' : 'Service principal'}
                  </Caption1>
                </span>
              </th>
              {view.columns.map((resource) => {
                const cell = view.cell(identity.id, resource.accountId);
                const key = cellKey(identity.id, resource.accountId);
                return (
                  <td key={resource.accountId} className={styles.cell}>
                    {cell ? (
                      <MatrixCell
                        identity={identity}
                        resource={resource}
                        cell={cell}
                        view={view}
                        selected={key === selectedKey}
                        onOpen={() => onOpen(identity.id, resource.accountId)}
                      />
                    ) : (
                      <Caption1 className={styles.otherCloud}>Another cloud</Caption1>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
