import { KeyMultipleRegular } from '@fluentui/react-icons';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from './PageHeader.tsx';

export function AccountsPage() {
  return (
    <>
      <PageHeader title="Accounts" lead="Azure Remote Rendering accounts and Azure Communication Services resources, with their keys." />
      <EmptyState
        icon={KeyMultipleRegular}
        title="No accounts yet"
        points={[
          'ARR accounts: account ID, account domain and the primary and secondary account keys.',
          'ACS resources: the connection string (endpoint and access key), or the endpoint alone for Entra ID sign-in.',
          'Keys are kept in an encrypted vault whose key lives in your OS keychain, never in a plain file.',
        ]}
        learnMore={{ href: 'https://learn.microsoft.com/azure/communication-services/concepts/authentication', label: 'How ACS authenticates requests' }}
      >
        Accounts you add will be listed here. Adding accounts is not part of this preview build yet.
      </EmptyState>
    </>
  );
}
