import { makeStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { IdentityView } from '../../../shared/identities.ts';
import { IdentityRow } from './IdentityRow.tsx';
import { useNow } from './use-now.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useLayoutStyles } from '../../components/layout-styles.ts';

const useStyles = makeStyles({
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface IdentityTableProps {
  identities: readonly IdentityView[];
  cloudLabel(name: string): string;
  highlightedId: string | undefined;
  onSignOut(identity: IdentityView): void;
  onSignInAgain(identity: IdentityView): void;
  onRunAs(identity: IdentityView): void;
}

/** Every identity, users first, then by name; "used … ago" keeps itself current. */
export function IdentityTable({ identities, cloudLabel, highlightedId, onSignOut, onSignInAgain, onRunAs }: IdentityTableProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const now = useNow(30_000);
  const rootRef = useRef<HTMLDivElement>(null);
  const sorted = [...identities].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'user' ? -1 : 1));

  useEffect(() => {
    if (highlightedId)
      rootRef.current?.querySelector(`[data-identity-id="${CSS.escape(highlightedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [highlightedId]);

  return (
    <div ref={rootRef} className={layout.tableBox}>
      <DataTable
        label="Identities"
        size="medium"
        // Fixed widths that fit a window docked beside an IDE (the page 714 pixels wide at 1024): the identity takes what the others leave.
        columns={[
          { label: 'Identity' },
          { label: 'Tenant and cloud', width: '170px' },
          { label: 'Signs in with', width: '190px' },
          { label: <span className={styles.hidden}>Actions</span>, width: '150px' },
        ]}
      >
        {sorted.map((identity) => (
          <IdentityRow
            key={identity.id}
            identity={identity}
            cloudLabel={cloudLabel(identity.cloud)}
            now={now}
            highlighted={identity.id === highlightedId}
            onSignOut={onSignOut}
            onSignInAgain={onSignInAgain}
            onRunAs={onRunAs}
          />
        ))}
      </DataTable>
    </div>
  );
}
