import { Body1, Button, Caption1, Link, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { CopyRegular, OpenRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { AuditedIdentity, AuditedResource, CapabilityId, RoleAuditCell } from '../../../shared/roles.ts';
import { copyText } from '../../components/copy-text.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { accessControlLink, roleAssignmentCommand, rolesToGrant, type RoleToGrant } from './grant-it.ts';
import { displayName } from './principal-labels.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  grant: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  head: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  command: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface GrantItProps {
  identity: AuditedIdentity;
  resource: AuditedResource;
  cell: RoleAuditCell;
  /** The capability chosen in the matrix: then only the role that grants it. */
  chosen: CapabilityId | undefined;
  /** The cloud's name as the user knows it ("Azure (global)"). */
  cloudLabel: string;
}

/** The fix for what a cell lacks: for each role that would grant it, the `az` command that assigns it, and the resource's IAM blade. */
export function GrantIt({ identity, resource, cell, chosen, cloudLabel }: GrantItProps) {
  const styles = useStyles();
  const grants = cell.state === 'audited' ? rolesToGrant(cell, chosen) : [];
  if (grants.length === 0 || !resource.resourceId) return null;
  const resourceId = resource.resourceId;
  const portal = accessControlLink(resource.cloud, identity.tenantId, resourceId);
  return (
    <section className={styles.root} aria-labelledby="grant-it-title" data-testid="grant-it">
      <Subtitle2 as="h3" id="grant-it-title" className={styles.heading}>
        Grant it
      </Subtitle2>
      {grants.map((grant) => (
        <Grant
          key={grant.role}
          grant={grant}
          command={roleAssignmentCommand(identity, grant.role, resourceId)}
          who={displayName(identity)}
        />
      ))}
      {portal ? (
        <Link href={portal} target="_blank" rel="noopener noreferrer">
          <OpenRegular aria-hidden /> Open Access control (IAM) of {resource.name} in the Azure portal
        </Link>
      ) : (
        <Caption1 className={styles.muted} data-testid="no-portal">
          {cloudLabel} has no Azure portal the app knows: assign the role with the command, or where that cloud manages access.
        </Caption1>
      )}
    </section>
  );
}

/** One role to assign: what it gives, the command, and a Copy button that says it copied. */
function Grant({ grant, command, who }: { grant: RoleToGrant; command: string; who: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<boolean>();
  return (
    <div className={styles.grant} role="group" aria-label={`Assign ${grant.role}`}>
      <div className={styles.head}>
        <Body1>
          Assign <strong>{grant.role}</strong> to {who}: {grant.capabilities.join(', ')}.
        </Body1>
        <Button
          size="small"
          icon={<CopyRegular />}
          aria-label={`Copy command to assign ${grant.role}`}
          onClick={() => void copyText(command, ref.current).then(setCopied)}
        >
          Copy command
        </Button>
        <Caption1 role="status" className={styles.copied}>
          {copied === undefined ? '' : copied ? 'Copied' : 'Select the text and press Ctrl+C'}
        </Caption1>
      </div>
      <pre ref={ref} className={mergeClasses(layout.code, styles.command)} data-testid="grant-command">
        {command}
      </pre>
    </div>
  );
}
