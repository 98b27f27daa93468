import { Body1, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, InfoFilled } from '@fluentui/react-icons';
import type { DiscoveredResource, DiscoveryImportResult } from '../../../shared/discovery.ts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  icon: { fontSize: '20px', marginTop: '1px' },
  withKeys: { color: tokens.colorPaletteGreenForeground1 },
  entra: { color: tokens.colorBrandForeground1 },
  skipped: { color: tokens.colorPaletteRedForeground1 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, wordBreak: 'break-word' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** What became of each resource: imported with its keys, imported for Entra ID use (and why), or not imported (and why). */
export function DiscoverImportResult({ result, resources }: { result: DiscoveryImportResult; resources: readonly DiscoveredResource[] }) {
  const styles = useStyles();
  const nameOf = (id: string) => resources.find((r) => r.resourceId === id)?.name ?? id;
  return (
    <ul className={styles.list} aria-label="Import results">
      {result.imported.map((i) => (
        <li key={i.resourceId} className={styles.item} data-resource={i.account.name}>
          {i.withKeys ? (
            <CheckmarkCircleFilled aria-hidden className={mergeClasses(styles.icon, styles.withKeys)} />
          ) : (
            <InfoFilled aria-hidden className={mergeClasses(styles.icon, styles.entra)} />
          )}
          <div className={styles.text}>
            <Text weight="semibold">{i.account.name}</Text>
            <Body1>{i.withKeys ? 'Imported with its keys (kept in the vault).' : 'Imported for Entra ID use, without keys.'}</Body1>
            {i.reason && <Caption1 className={styles.muted}>{i.reason}</Caption1>}
          </div>
        </li>
      ))}
      {result.skipped.map((s) => (
        <li key={s.resourceId} className={styles.item} data-resource={nameOf(s.resourceId)}>
          <DismissCircleFilled aria-hidden className={mergeClasses(styles.icon, styles.skipped)} />
          <div className={styles.text}>
            <Text weight="semibold">{nameOf(s.resourceId)}</Text>
            <Body1>Not imported.</Body1>
            <Caption1 className={styles.muted}>{s.reason}</Caption1>
          </div>
        </li>
      ))}
    </ul>
  );
}
