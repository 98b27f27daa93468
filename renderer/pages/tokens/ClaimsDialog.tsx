import {
  Body1,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { audienceMismatch, intendedService, tokenService, tokenUses, type TokenService } from '../../../shared/token-audience.ts';
import type { TokenClaims, TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { useCall } from '../../components/use-call.ts';
import { ChoiceDropdown } from '../../components/ChoiceDropdown.tsx';
import { acsScopesOf, claimMeaning, claimText, entraPermissions, readTimeClaims } from './claims-view.ts';
import { kindLabels, relativeTime } from './token-format.ts';
import { ToolDialog } from './ToolDialog.tsx';

const useStyles = makeStyles({
  content: { gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  heading: { margin: 0 },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  name: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap', color: tokens.colorNeutralForeground1 },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', color: tokens.colorNeutralForeground1 },
  meaning: { color: tokens.colorNeutralForeground2 },
  caption: { color: tokens.colorNeutralForeground2, textAlign: 'left', paddingBottom: tokens.spacingVerticalXS },
});

/** The token's decoded header and claims, its times in words, what its audience and scopes mean, and whether it fits the job. */
export function ClaimsDialog({ token, onClose }: { token: TokenView; onClose(): void }) {
  const styles = useStyles();
  const [claims, setClaims] = useState<TokenClaims>();
  const { run, error } = useCall();
  const [use, setUse] = useState<TokenService>(() => intendedService(token));
  const now = Date.now();

  useEffect(() => {
    void run(() => api.tokens.claims({ id: token.id })).then((r) => r.ok && setClaims(r.value));
  }, [token.id, run]);

  const service = tokenService(token);
  const mismatch = audienceMismatch(token, use);
  const body = claims?.claims ?? {};
  const permissions = entraPermissions(body);
  const acs = acsScopesOf(body);
  const table = (caption: string, entries: [string, unknown][], explain: boolean) => (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          {explain && <th scope="col">Meaning</th>}
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row" className={styles.name}>
              {name}
            </th>
            <td className={styles.value}>{claimText(value)}</td>
            {explain && <td className={styles.meaning}>{claimMeaning(name, token.kind) ?? ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ToolDialog title={`Claims of the ${kindLabels[token.kind]}`} size="large" contentClassName={styles.content} onClose={onClose}>
      <ErrorBar error={error} />
      <section className={styles.section} aria-label="Audience">
        <Subtitle2 as="h3" className={styles.heading}>
          For {service.name}
        </Subtitle2>
        <Body1>{service.meaning}</Body1>
        {token.audience && <Caption1 className={styles.value}>aud: {token.audience}</Caption1>}
        <Field label="Check it for" hint="Where you mean to use the token: the inspector warns when its audience does not fit.">
          <ChoiceDropdown
            placeholder="Choose a use"
            choices={tokenUses.map((u) => ({ value: u.service, text: u.label }))}
            value={use}
            onChange={(v) => setUse(v as TokenService)}
          />
        </Field>
        {mismatch ? (
          <MessageBar intent="warning" layout="multiline" data-testid="audience-warning">
            <MessageBarBody>
              <MessageBarTitle>The audience does not fit</MessageBarTitle>
              {mismatch}
            </MessageBarBody>
          </MessageBar>
        ) : (
          use !== 'unknown' && <Caption1>The audience fits this use.</Caption1>
        )}
      </section>

      {(acs.length > 0 || permissions) && (
        <section className={styles.section} aria-label="Scopes">
          <Subtitle2 as="h3" className={styles.heading}>
            What it allows
          </Subtitle2>
          {acs.length > 0 && (
            <ul className={styles.list}>
              {acs.map((s) => (
                <li key={s.scope}>
                  <strong>{s.scope}</strong>: {s.meaning}
                </li>
              ))}
            </ul>
          )}
          {permissions && (
            <Body1>
              {permissions.kind === 'delegated'
                ? 'Delegated permissions (on behalf of the signed-in user): '
                : 'Application permissions (as the app itself): '}
              {permissions.values.join(', ') || 'none'}
            </Body1>
          )}
        </section>
      )}

      {claims === undefined && !error ? (
        <Spinner size="small" label="Decoding the token…" />
      ) : claims?.claims === null ? (
        <Body1>This token is not a JWT: it has no claims to show.</Body1>
      ) : (
        <>
          <section className={styles.section} aria-label="Times">
            <Subtitle2 as="h3" className={styles.heading}>
              Times
            </Subtitle2>
            <ul className={styles.list}>
              {readTimeClaims(body, now, relativeTime).map((t) => (
                <li key={t.name}>
                  <strong>{t.label}</strong> ({t.name}): {t.absolute}, {t.relative}
                </li>
              ))}
            </ul>
          </section>
          {claims?.header && table('Header', Object.entries(claims.header), false)}
          {table('Claims (the signature is not shown)', Object.entries(body), true)}
        </>
      )}
    </ToolDialog>
  );
}
