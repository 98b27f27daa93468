import { Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { CopiedSecret } from '../../../shared/accounts.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { Result } from '../../../shared/result.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { CallForm } from '../../components/CallForm.tsx';
import { copyText } from '../../components/copy-text.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import type { CopyHow } from '../../components/secret-clipboard.ts';
import { useDetailField } from '../../components/use-detail-field.tsx';
import { acsSnippet, copyAcsEnv, copyTokenWith } from './acs-quick-copy.ts';
import { dateTime } from './token-format.ts';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0 },
  id: { wordBreak: 'break-all' },
});

export interface AcsResultCardProps {
  token: TokenView;
  /** The resource's endpoint, for the snippet. */
  endpoint: string;
  copy: CopyHow;
  /** The card's form: the dialog's primary button, Copy token, submits it. */
  formId: string;
  onError(error: AppErrorShape): void;
}

/**
 * Where getting an ACS user's token ends: who it is for, until when, and four copies: the token (the
 * dialog's primary button), the user ID, the token as .env lines, and a snippet that reads them.
 */
export function AcsResultCard({ token, endpoint, copy, formId, onError }: AcsResultCardProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const field = useDetailField();
  const snippetRef = useRef<HTMLPreElement>(null);
  const userRef = useRef<HTMLSpanElement>(null);
  const [said, setSaid] = useState('');
  const subject = token.source.subject;
  const userId = subject?.kind === 'acs-identity' ? subject.communicationUserId : '';
  const snippet = acsSnippet(endpoint, token.scopes);

  async function secret(what: string, call: () => Promise<Result<CopiedSecret>>) {
    setSaid('');
    const result = await call();
    if (!result.ok) return onError(result.error);
    const clears = result.value.clearsAfterSeconds;
    setSaid(`${what} copied${clears ? `: the clipboard clears in ${clears} s` : ''}.`);
  }

  async function plain(what: string, text: string, element: HTMLElement | null) {
    setSaid('');
    setSaid((await copyText(text, element)) ? `${what} copied.` : `${what} is selected: press Ctrl+C to copy it.`);
  }

  return (
    <CallForm id={formId} onSubmit={() => void secret('Token', () => copyTokenWith(api, token.id, copy))} error={undefined}>
      <section className={styles.card} aria-labelledby={`${formId}-title`} data-testid="acs-result">
        <Subtitle2 as="h3" id={`${formId}-title`} className={styles.heading}>
          {`ACS user token for ${subject?.kind === 'acs-identity' ? subject.label : 'the user'}`}
        </Subtitle2>
        <dl className={layout.terms}>
          {token.source.account && field('ACS resource', token.source.account.name)}
          {field(
            'User ID',
            <span ref={userRef} className={styles.id} data-testid="acs-result-user">
              {userId}
            </span>,
            true,
          )}
          {field('Scopes', token.scopes.join(', '), true)}
          {field('Expires', dateTime(token.expiresAt))}
        </dl>
        <div className={layout.row}>
          <Button onClick={() => void plain('User ID', userId, userRef.current)}>Copy user ID</Button>
          <Button onClick={() => void secret('.env lines', () => copyAcsEnv(api, token.id, copy))}>Copy as .env</Button>
          <Button onClick={() => void plain('Snippet', snippet, snippetRef.current)}>Copy snippet</Button>
        </div>
        <pre ref={snippetRef} className={layout.code}>
          {snippet}
        </pre>
        <Caption1 role="status" data-testid="acs-result-status">
          {said}
        </Caption1>
      </section>
    </CallForm>
  );
}
