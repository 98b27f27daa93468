import { PeopleRegular } from '@fluentui/react-icons';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from './PageHeader.tsx';

export function IdentitiesPage() {
  return (
    <>
      <PageHeader title="Identities" lead="Entra ID users and service principals you are signed in as, across tenants and clouds." />
      <EmptyState
        icon={PeopleRegular}
        title="No identities signed in"
        points={[
          'Interactive sign-in in your browser, or device code for a machine without one.',
          'Service principals with a client secret or a certificate.',
          'Several at once, each with its tenant, cloud and last use.',
        ]}
        learnMore={{ href: 'https://learn.microsoft.com/azure/remote-rendering/how-tos/authentication', label: 'Why production ARR uses Entra ID sign-in' }}
      >
        Identities you sign in with will be listed here. Sign-in is not part of this preview build yet.
      </EmptyState>
    </>
  );
}
