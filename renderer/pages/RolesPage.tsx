import { ShieldTaskRegular } from '@fluentui/react-icons';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from './PageHeader.tsx';

export function RolesPage() {
  return (
    <>
      <PageHeader title="Roles" lead="Which roles each identity holds on each resource, and what those roles let it do." />
      <EmptyState
        icon={ShieldTaskRegular}
        title="Nothing to audit yet"
        points={[
          'Role assignments, including those through groups and those inherited from the subscription.',
          'Capabilities in plain words: convert models, manage sessions, render, list keys, regenerate keys.',
          'For a missing capability, the built-in role that would grant it.',
        ]}
        learnMore={{ href: 'https://learn.microsoft.com/azure/remote-rendering/how-tos/authentication#azure-role-based-access-control', label: 'Remote Rendering roles' }}
      >
        The audit needs a signed-in identity. It is not part of this preview build yet.
      </EmptyState>
    </>
  );
}
