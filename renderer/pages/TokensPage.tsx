import { TicketDiagonalRegular } from '@fluentui/react-icons';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from './PageHeader.tsx';

export function TokensPage() {
  return (
    <>
      <PageHeader title="Tokens" lead="Tokens you have minted, with their scopes, source and a live countdown to expiry." />
      <EmptyState
        icon={TicketDiagonalRegular}
        title="No tokens minted"
        points={[
          'ARR access tokens from the Mixed Reality STS, from an account key or an Entra ID token.',
          'ACS user access tokens with the scopes Calling and Chat need (chat, voip, ...).',
          'Entra ID tokens for any scope: ARM, STS, ACS, Microsoft Graph or your own API.',
        ]}
        learnMore={{ href: 'https://learn.microsoft.com/azure/communication-services/concepts/identity-model', label: 'The ACS identity model' }}
      >
        Minted tokens will be listed here until they expire. Minting is not part of this preview build yet.
      </EmptyState>
    </>
  );
}
