import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AuditedResource } from '../../../shared/roles.ts';
import { api } from '../../api.ts';
import { useCall } from '../../components/use-call.ts';

const useStyles = makeStyles({
  added: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1, maxWidth: '220px' },
});

/**
 * Adds a resource the audit found through discovery but that is not an account here, as the Discover dialog does (with its keys
 * when the identity may list them, else for Entra ID use); the Accounts page shows it at once through its event.
 */
export function AddDiscoveredButton({ resource }: { resource: AuditedResource }) {
  const styles = useStyles();
  const { run, busy, error, fail } = useCall();
  const [added, setAdded] = useState<string>();
  const { discovered, resourceId } = resource;
  if (!discovered || !resourceId) return null;
  if (added) {
    return (
      <Caption1 className={styles.added} role="status">
        <CheckmarkRegular aria-hidden /> Added as {added}
      </Caption1>
    );
  }
  const add = async () => {
    const result = await run(() => api.discovery.import({ identityId: discovered.identityId, resourceIds: [resourceId] }));
    if (!result.ok) return;
    const [imported] = result.value.imported;
    const [skipped] = result.value.skipped;
    if (imported) setAdded(imported.account.name);
    else if (skipped?.existingAccountId) setAdded('an existing account');
    else if (skipped) fail({ code: skipped.code, message: skipped.reason });
  };
  return (
    <>
      <Button size="small" icon={<AddRegular />} disabledFocusable={busy} onClick={() => void add()} aria-label={`Add ${resource.name}`}>
        Add
      </Button>
      {error && <Caption1 className={styles.error}>{error.message}</Caption1>}
    </>
  );
}
