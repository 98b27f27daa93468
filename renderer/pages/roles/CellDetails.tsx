import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { AuditedIdentity, AuditedResource, CapabilityId, RoleAuditCell } from '../../../shared/roles.ts';
import { formatWhen } from '../../components/when.ts';
import { AssignmentTable } from './AssignmentTable.tsx';
import { identityLabel } from './principal-labels.ts';
import { CapabilityWhy } from './CapabilityWhy.tsx';
import { GrantIt } from './GrantIt.tsx';
import { RoleDefinitions } from './RoleDefinitions.tsx';
import { resourceKindLabels, scopeLevelLabels } from './role-words.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  title: { flex: 1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, wordBreak: 'break-word' },
  heading: { ...typographyStyles.subtitle1, margin: 0, wordBreak: 'break-word', outline: 'none' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  mono: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground2,
    wordBreak: 'break-all',
  },
  subheading: { margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  plain: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface CellDetailsProps {
  identity: AuditedIdentity;
  resource: AuditedResource;
  cell: RoleAuditCell;
  /** The capability chosen in the matrix: its verdict first, and the fix for it alone. */
  chosen: CapabilityId | undefined;
  /** The name of the identity that read the assignments, when another did. */
  readerName: string | undefined;
  /** The resource's cloud as the user knows it. */
  cloudLabel: string;
  onClose(): void;
}

/** Everything the audit found for one identity on one resource: each capability with its why, the assignments and the role definitions. */
export function CellDetails({ identity, resource, cell, chosen, readerName, cloudLabel, onClose }: CellDetailsProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a cell moves focus to its details, so a keyboard or screen-reader user lands on them.
  useEffect(() => headingRef.current?.focus(), [cell]);

  return (
    <section className={layout.column} aria-labelledby="cell-details-title" data-testid="cell-details">
      <div className={styles.header}>
        <div className={styles.title}>
          <h2 id="cell-details-title" className={styles.heading} ref={headingRef} tabIndex={-1}>
            {identityLabel(identity).primary} on {resource.name}
          </h2>
          {identityLabel(identity).secondary !== null && <Caption1 className={styles.mono}>{identityLabel(identity).secondary}</Caption1>}
          <div className={styles.badges}>
            <Badge appearance="tint" color="informative">
              {identity.kind === 'user' ? 'User' : 'Service principal'}
            </Badge>
            <Badge appearance="tint" color={resource.kind === 'acs' ? 'brand' : 'informative'}>
              {resourceKindLabels[resource.kind]}
            </Badge>
          </div>
          {resource.resourceId && <Caption1 className={styles.mono}>{resource.resourceId}</Caption1>}
        </div>
        <Button appearance="subtle" icon={<DismissRegular />} aria-label="Close the details" onClick={onClose} />
      </div>

      {cell.readBy && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Read using {readerName ?? cell.readBy.name}’s access</MessageBarTitle>
            {identityLabel(identity).primary} may not read the role assignments on {resource.name} itself, so they were read with the token
            of {readerName ?? cell.readBy.name}.
          </MessageBarBody>
        </MessageBar>
      )}

      {cell.state === 'unreadable' ? (
        <MessageBar intent="warning" layout="multiline" data-code={cell.problem?.code}>
          <MessageBarBody>
            <MessageBarTitle>Could not be audited</MessageBarTitle>
            {cell.problem?.message ?? 'The role assignments could not be read.'}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <GrantIt identity={identity} resource={resource} cell={cell} chosen={chosen} cloudLabel={cloudLabel} />
          <div className={styles.section}>
            <Subtitle2 as="h3" className={styles.subheading}>
              What it can do
            </Subtitle2>
            <ul className={styles.list} aria-label="Capabilities">
              {[...cell.capabilities]
                .sort((a, b) => Number(b.id === chosen) - Number(a.id === chosen))
                .map((c) => (
                  <CapabilityWhy key={c.id} capability={c} />
                ))}
            </ul>
          </div>
          <div className={styles.section}>
            <Subtitle2 as="h3" className={styles.subheading}>
              Role assignments ({cell.assignments.length})
            </Subtitle2>
            <AssignmentTable assignments={cell.assignments} />
          </div>
          {(cell.eligibleRoles?.length ?? 0) > 0 && (
            <div className={styles.section}>
              <Subtitle2 as="h3" className={styles.subheading}>
                Eligible through PIM ({cell.eligibleRoles?.length})
              </Subtitle2>
              <ul className={styles.plain} aria-label="Eligible roles">
                {cell.eligibleRoles?.map((e) => (
                  <li key={e.id}>
                    <Body1>
                      {e.roleName} on {scopeLevelLabels[e.scopeLevel]}
                      {e.viaGroup ? `, through the group ${e.viaGroup.name ?? e.viaGroup.id}` : ''}: grants nothing until activated in
                      Privileged Identity Management
                      {e.endDateTime ? ` (eligible until ${formatWhen(e.endDateTime)})` : ''}.
                    </Body1>
                    <Caption1 className={styles.mono}>{e.scope}</Caption1>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {(cell.denyAssignments?.length ?? 0) > 0 && (
            <div className={styles.section}>
              <Subtitle2 as="h3" className={styles.subheading}>
                Deny assignments ({cell.denyAssignments?.length})
              </Subtitle2>
              <ul className={styles.plain} aria-label="Deny assignments">
                {cell.denyAssignments?.map((d) => (
                  <li key={d.id}>
                    <Body1>
                      {d.name} on {scopeLevelLabels[d.scopeLevel]}: denies{' '}
                      {[...new Set(d.permissions.flatMap((p) => [...p.actions, ...p.dataActions]))].join(', ')}, whatever the roles grant.
                      {d.description ? ` ${d.description}` : ''}
                    </Body1>
                    <Caption1 className={styles.mono}>{d.scope}</Caption1>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className={styles.section}>
            <Subtitle2 as="h3" className={styles.subheading}>
              Role definitions
            </Subtitle2>
            <RoleDefinitions roles={cell.roles} />
          </div>
        </>
      )}
    </section>
  );
}
