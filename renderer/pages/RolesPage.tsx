import { Body1, Button, Link, makeStyles, MessageBar, MessageBarBody, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ShieldTaskRegular } from '@fluentui/react-icons';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { plural } from '../components/plural.ts';
import { useTakenRequest } from '../page-request.ts';
import { rolesRequest } from '../palette/roles-request.ts';
import { useAppInfo } from '../use-app-info.ts';
import { useClouds } from '../use-clouds.ts';
import { useAccounts } from './accounts/use-accounts.ts';
import { useIdentities } from './identities/use-identities.ts';
import { PageHeader } from './PageHeader.tsx';
import { CellDetails } from './roles/CellDetails.tsx';
import { ExportReportDialog } from './roles/ExportReportDialog.tsx';
import { NamesNotice } from './roles/NamesNotice.tsx';
import { cellKey, isMatrixFiltered, matrixView, noMatrixFilter, type MatrixFilter } from './roles/matrix-view.ts';
import { withDisplayNames } from './roles/principal-labels.ts';
import { matchRolesRequest, questionWords } from './roles/roles-request-match.ts';
import { RoleMatrix } from './roles/RoleMatrix.tsx';
import { RolesToolbar } from './roles/RolesToolbar.tsx';
import { useRoleAudit } from './roles/use-role-audit.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100%' },
  notice: { marginBottom: tokens.spacingVerticalM },
  split: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignItems: 'start',
  },
  withDetails: {
    gridTemplateColumns: 'minmax(0, 1fr) minmax(360px, 460px)',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  // Narrow, the page scrolls to the matrix; no taller than the window, its own scroll bars show with it.
  matrix: {
    maxHeight: 'calc(100vh - 240px)',
    minHeight: '200px',
    display: 'flex',
    flexDirection: 'column',
    '@media (max-width: 1100px)': { maxHeight: 'calc(100vh - 64px)' },
  },
  detail: {
    overflowY: 'auto',
    maxHeight: 'calc(100vh - 240px)',
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (max-width: 1100px)': { maxHeight: 'none' },
  },
  none: { color: tokens.colorNeutralForeground2, padding: tokens.spacingHorizontalL },
});

/** The role audit: which roles each identity holds on each resource, what they let it do, and why. */
export function RolesPage() {
  const styles = useStyles();
  const info = useAppInfo();
  const { identities, loadError: identitiesError } = useIdentities();
  const { accounts, loadError: accountsError } = useAccounts();
  const { cloudLabel } = useClouds();
  const audit = useRoleAudit();
  const [filter, setFilter] = useState<MatrixFilter>(noMatrixFilter);
  const deferredFilter = useDeferredValue(filter);
  const [selected, setSelected] = useState<{ identityId: string; accountId: string }>();
  const [exporting, setExporting] = useState(false);
  const [discovered, setDiscovered] = useState<boolean>();
  // "Can adele render Showroom" from the palette: answered once the audit's report is here, or said why not.
  const [question, setQuestion] = useState(useTakenRequest(rolesRequest));
  const [questionProblem, setQuestionProblem] = useState<string>();
  // Rows name people as the Identities page does, by display name.
  const report = useMemo(
    () => audit.report && identities && { ...audit.report, identities: withDisplayNames(audit.report.identities, identities) },
    [audit.report, identities],
  );

  useEffect(() => {
    if (!question || !report) return;
    setQuestion(undefined);
    const match = matchRolesRequest(questionWords(question), report);
    if ('problem' in match) return setQuestionProblem(match.problem);
    setQuestionProblem(undefined);
    setFilter({ ...noMatrixFilter, identityIds: [match.identityId], accountIds: [match.accountId], capability: match.capability });
    setSelected({ identityId: match.identityId, accountId: match.accountId });
  }, [question, report]);

  const view = useMemo(() => (report ? matrixView(report, deferredFilter) : undefined), [report, deferredFilter]);
  const selectedCell = selected && view?.cell(selected.identityId, selected.accountId);
  const selectedIdentity = report?.identities.find((i) => i.id === selected?.identityId);
  const selectedResource = report?.resources.find((r) => r.accountId === selected?.accountId);
  const count = view
    ? `${plural(view.rows.length, 'identity', 'identities')} × ${plural(view.columns.length, 'resource', 'resources')}`
    : '';
  const shown =
    view && isMatrixFiltered(filter)
      ? { identityIds: view.rows.map((i) => i.id), accountIds: view.columns.map((r) => r.accountId), label: count }
      : undefined;

  const header = (
    <PageHeader
      title="Roles"
      lead="Which roles each identity holds on each resource, and what those roles let it do."
      actions={
        report && (
          <Button icon={<ArrowDownloadRegular />} disabled={!info} onClick={() => setExporting(true)}>
            Export report
          </Button>
        )
      }
    />
  );

  if (identities === undefined || accounts === undefined) {
    return (
      <>
        {header}
        <Spinner label="Loading identities and accounts…" />
      </>
    );
  }

  // With identities and no accounts, the audit covers what the identities can see in Azure.
  const nothing = identities.length === 0;
  return (
    <div className={styles.root}>
      {header}
      <ErrorBar className={styles.notice} error={identitiesError ?? accountsError} />
      {nothing ? (
        <EmptyState
          icon={ShieldTaskRegular}
          title="Nothing to audit yet"
          points={[
            'Role assignments, including those through groups and those inherited from the subscription or a management group.',
            'Capabilities in plain words: convert models, manage sessions, render, list keys, regenerate keys.',
            'What a deny assignment blocks, what a PIM-eligible role would give, and the built-in role that would grant the rest.',
          ]}
          learnMore={{
            href: 'https://learn.microsoft.com/azure/remote-rendering/how-tos/authentication#azure-role-based-access-control',
            label: 'Remote Rendering roles',
          }}
          actions={<Link href="#/identities">Sign in on the Identities page</Link>}
        >
          The audit reads, for each signed-in identity, the role assignments on each account’s resource in Azure, or on every resource it
          can see there when no account is added. Sign in with an identity first.
        </EmptyState>
      ) : (
        <>
          <RolesToolbar
            identities={identities}
            accounts={accounts}
            report={report}
            filter={filter}
            onChange={setFilter}
            count={count}
            // With nothing added, the audit is of what the identities can see; once accounts are added, of those unless asked.
            discovered={discovered ?? accounts.length === 0}
            onDiscoveredChange={setDiscovered}
            running={audit.running}
            onRun={(scope) => void audit.run(scope)}
          />
          <ErrorBar className={styles.notice} error={audit.error} onDismiss={audit.dismissError} />
          {questionProblem && (
            <MessageBar intent="warning" className={styles.notice}>
              <MessageBarBody>{questionProblem}</MessageBarBody>
            </MessageBar>
          )}
          {report && view ? (
            <>
              <NamesNotice notice={report.namesNotice} />
              <div className={mergeClasses(styles.split, selectedCell && styles.withDetails)}>
                <div className={styles.matrix}>
                  {view.rows.length > 0 && view.columns.length > 0 ? (
                    <RoleMatrix
                      view={view}
                      selectedKey={selected && cellKey(selected.identityId, selected.accountId)}
                      onOpen={(identityId, accountId) => setSelected({ identityId, accountId })}
                    />
                  ) : (
                    <Body1 className={styles.none}>
                      Nothing matches the filters{filter.missingOnly ? ': nothing is missing there' : ''}.
                    </Body1>
                  )}
                </div>
                {selectedCell && selectedIdentity && selectedResource && (
                  <div className={styles.detail}>
                    <CellDetails
                      identity={selectedIdentity}
                      resource={selectedResource}
                      cell={selectedCell}
                      chosen={view.chosen}
                      readerName={selectedCell.readBy ? view.nameOf(selectedCell.readBy.identityId) : undefined}
                      cloudLabel={cloudLabel(selectedResource.cloud)}
                      onClose={() => {
                        // Back to the cell the details were for.
                        document
                          .querySelector<HTMLElement>(
                            `[data-cell-key="${CSS.escape(cellKey(selectedIdentity.id, selectedResource.accountId))}"]`,
                          )
                          ?.focus();
                        setSelected(undefined);
                      }}
                    />
                  </div>
                )}
              </div>
            </>
          ) : (
            !audit.running && (
              <Body1 className={styles.none}>
                Run the audit to see the matrix: it asks Azure Resource Manager, with each identity’s sign-in, which roles apply where.
              </Body1>
            )
          )}
        </>
      )}
      {exporting && info && <ExportReportDialog homeFolder={info.homeFolder} shown={shown} onClose={() => setExporting(false)} />}
    </div>
  );
}
