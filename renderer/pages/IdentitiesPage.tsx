import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { KeyRegular, PeopleRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { IdentityView } from '../../shared/identities.ts';
import { DoneBar } from '../components/DoneBar.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageStates } from '../components/PageStates.tsx';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { VaultBanner } from '../components/vault/VaultBanner.tsx';
import { useClouds } from '../use-clouds.ts';
import type { SettingsState } from '../use-settings.ts';
import { useReloadWhenVaultOpens, type VaultState } from '../use-vault.ts';
import { IdentityTable } from './identities/IdentityTable.tsx';
import { RunAsDialog } from './identities/RunAsDialog.tsx';
import { ServicePrincipalDialog } from './identities/ServicePrincipalDialog.tsx';
import { SignInDialog } from './identities/SignInDialog.tsx';
import type { SignInForm } from './identities/SignInFields.tsx';
import { SignOutDialog } from './identities/SignOutDialog.tsx';
import { useIdentities } from './identities/use-identities.ts';
import { PageHeader } from './PageHeader.tsx';

const useStyles = makeStyles({
  notice: { marginBottom: tokens.spacingVerticalM },
});

type OpenDialog =
  | { type: 'sign-in'; initial?: Partial<SignInForm> }
  | { type: 'service-principal' }
  | { type: 'sign-out'; identity: IdentityView }
  | { type: 'run-as'; identity: IdentityView };

/** Entra ID identities: users signed in interactively or with a device code, and service principals. */
export function IdentitiesPage({ settings, vault }: { settings: SettingsState; vault: VaultState }) {
  const styles = useStyles();
  const { clouds, cloudLabel } = useClouds();
  const { identities, loadError, reload, upsert, remove } = useIdentities();
  const [dialog, setDialog] = useState<OpenDialog>();
  const [added, setAdded] = useState<IdentityView>();
  const defaultCloud = settings.values.defaultCloud;

  // The list does not need the vault, but a sign-in made while it was locked shows up once it opens.
  useReloadWhenVaultOpens(vault, reload);

  function show(identity: IdentityView) {
    upsert(identity);
    setAdded(identity);
    setDialog(undefined);
  }

  const all = identities ?? [];
  const actions = (
    <>
      <Button appearance="primary" icon={<PersonAddRegular />} onClick={() => setDialog({ type: 'sign-in' })}>
        Sign in
      </Button>
      <Button icon={<KeyRegular />} onClick={() => setDialog({ type: 'service-principal' })}>
        Add service principal
      </Button>
    </>
  );

  return (
    <>
      <PageHeader
        title="Identities"
        lead="Entra ID users and service principals you are signed in as, across tenants and clouds."
        actions={all.length > 0 ? actions : undefined}
      />
      <VaultBanner vault={vault} page="identities" />
      <ErrorBar className={styles.notice} error={loadError} />
      {added && all.some((i) => i.id === added.id) && (
        <DoneBar className={styles.notice} onDismiss={() => setAdded(undefined)}>
          {added.kind === 'user'
            ? `Signed in as ${added.name}${added.username ? ` (${added.username})` : ''}.`
            : `Added the service principal ${added.name}.`}
        </DoneBar>
      )}

      <PageStates
        items={identities}
        loading="Loading identities…"
        empty={
          <EmptyState
            icon={PeopleRegular}
            title="No identities signed in"
            points={[
              'Interactive sign-in in your browser, or a device code for a machine without one.',
              'Service principals with a client secret or a certificate.',
              'Several at once, across tenants and clouds; tokens are kept in the vault, never in a plain file.',
            ]}
            learnMore={{
              href: 'https://learn.microsoft.com/azure/remote-rendering/how-tos/authentication',
              label: 'Why production ARR uses Entra ID sign-in',
            }}
            actions={actions}
          >
            Sign in as a user, or add an app registration’s service principal, to get Entra ID tokens for Remote Rendering, Communication
            Services and Azure Resource Manager.
          </EmptyState>
        }
      >
        <IdentityTable
          identities={all}
          cloudLabel={cloudLabel}
          highlightedId={added?.id}
          onSignOut={(identity) => setDialog({ type: 'sign-out', identity })}
          onRunAs={(identity) => setDialog({ type: 'run-as', identity })}
          onSignInAgain={(identity) =>
            setDialog({
              type: 'sign-in',
              initial: { cloud: identity.cloud, tenant: identity.tenantId, loginHint: identity.username ?? '' },
            })
          }
        />
      </PageStates>

      {dialog?.type === 'sign-in' && (
        <SignInDialog
          clouds={clouds}
          defaultCloud={defaultCloud}
          initial={dialog.initial}
          onSignedIn={show}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.type === 'service-principal' && (
        <ServicePrincipalDialog clouds={clouds} defaultCloud={defaultCloud} onAdded={show} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.type === 'run-as' && <RunAsDialog identity={dialog.identity} onClose={() => setDialog(undefined)} />}
      {dialog?.type === 'sign-out' && (
        <SignOutDialog
          identity={dialog.identity}
          onClose={() => setDialog(undefined)}
          onSignedOut={(id) => {
            remove(id);
            if (added?.id === id) setAdded(undefined);
            setDialog(undefined);
          }}
        />
      )}
    </>
  );
}
