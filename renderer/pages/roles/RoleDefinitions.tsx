import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import type { PermissionBlock, RoleDefinitionView } from '../../../shared/roles.ts';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  lists: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: 'break-all',
    whiteSpace: 'pre-line',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const typeLabels: Record<RoleDefinitionView['roleType'], string> = {
  BuiltInRole: 'Built-in',
  CustomRole: 'Custom',
  Unknown: 'Not described',
};
const lists: { key: keyof PermissionBlock; label: string }[] = [
  { key: 'actions', label: 'Actions' },
  { key: 'notActions', label: 'NotActions' },
  { key: 'dataActions', label: 'DataActions' },
  { key: 'notDataActions', label: 'NotDataActions' },
];

/** Each role definition the assignments name, as resolved: its type, description and permission blocks (a NOT applies within its block). */
export function RoleDefinitions({ roles }: { roles: readonly RoleDefinitionView[] }) {
  const styles = useStyles();
  if (roles.length === 0) return <Caption1 className={styles.muted}>No role definition to show.</Caption1>;
  return (
    <Accordion multiple collapsible>
      {roles.map((role) => (
        <AccordionItem key={role.id} value={role.id}>
          <AccordionHeader size="small">
            <span className={styles.header}>
              {role.roleName}
              <Badge appearance="tint" size="small" color={role.roleType === 'CustomRole' ? 'warning' : 'informative'}>
                {typeLabels[role.roleType]}
              </Badge>
            </span>
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {role.description && <Body1>{role.description}</Body1>}
            <Caption1 className={styles.muted}>Role definition {role.id}</Caption1>
            {role.permissions.map((block, index) => (
              <dl
                key={index}
                className={styles.lists}
                aria-label={role.permissions.length > 1 ? `Permission block ${index + 1}` : 'Permissions'}
              >
                {lists
                  .filter((l) => block[l.key].length > 0)
                  .map((l) => (
                    <Fragment key={l.key}>
                      <dt className={styles.term}>
                        <Caption1>{l.label}</Caption1>
                      </dt>
                      <dd className={styles.value}>{block[l.key].join('\n')}</dd>
                    </Fragment>
                  ))}
              </dl>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
