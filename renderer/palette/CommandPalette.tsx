import { Caption1, DialogBody, DialogSurface, Input, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';
import type { Settings } from '../../shared/settings.ts';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { ModalDialog } from '../components/ModalDialog.tsx';
import { useCopyHow } from '../components/use-copy-how.ts';
import { matchCommands, paletteCommands, type PaletteCommand } from './palette-commands.ts';
import { runPaletteAction } from './run-palette-action.ts';
import { usePaletteData } from './use-palette-data.ts';

const useStyles = makeStyles({
  surface: {
    width: 'min(680px, calc(100vw - 48px))',
    maxWidth: 'none',
    padding: tokens.spacingVerticalL,
    alignSelf: 'start',
    marginTop: '10vh',
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    maxHeight: 'min(420px, 55vh)',
    overflowY: 'auto',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  option: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
  detail: { color: tokens.colorNeutralForeground2 },
  group: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  empty: { padding: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
});

export interface CommandPaletteProps {
  settings: Settings;
  onClose(): void;
  /** A command finished with a line for the page ("Copied the ACS chat token…"). */
  onSaid(line: string): void;
  /** A command left a request for a page (it may be the page on screen, which then opens again to read it). */
  onPageRequest(): void;
}

/**
 * Ctrl+K: one box over every account, identity, token and action. Type, arrows, Enter, Escape;
 * each result says what will happen. The commands run the core calls and page requests the pages
 * use, so the desktop app and browser mode give the same results.
 */
export function CommandPalette({ settings, onClose, onSaid, onPageRequest }: CommandPaletteProps) {
  const styles = useStyles();
  const listId = useId();
  const optionId = (i: number) => `${listId}-${i}`;
  const how = useCopyHow(settings.clipboardClearSeconds);
  const { data, error: loadError } = usePaletteData(settings.expiryWarningMinutes);
  const commands = useMemo(() => (data ? paletteCommands(data) : []), [data]);
  const [query, setQuery] = useState('');
  const results = useMemo(() => (data ? matchCommands(query, data, commands) : []), [query, data, commands]);
  const [active, setActive] = useState(0);
  const [running, setRunning] = useState<PaletteCommand>();
  const [error, setError] = useState<AppErrorShape>();
  const list = useRef<HTMLUListElement>(null);
  const current = results[Math.min(active, results.length - 1)];

  function move(to: number) {
    if (results.length === 0) return;
    const next = (to + results.length) % results.length;
    setActive(next);
    list.current?.querySelector(`#${CSS.escape(optionId(next))}`)?.scrollIntoView({ block: 'nearest' });
  }

  async function run(command: PaletteCommand | undefined) {
    if (!command || running) return;
    setRunning(command);
    setError(undefined);
    const outcome = await runPaletteAction(command.action, how);
    setRunning(undefined);
    if (!outcome.ok) return setError(outcome.error);
    if (['new-token', 'rotate-key', 'can'].includes(command.action.type)) onPageRequest();
    onClose();
    if (outcome.said) onSaid(outcome.said);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(Math.min(active + 8, results.length - 1)),
      PageUp: () => move(Math.max(active - 8, 0)),
      Enter: () => void run(current),
    };
    const handle = keys[event.key];
    if (!handle) return;
    event.preventDefault();
    handle();
  }

  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} aria-label="Find and do">
        <DialogBody className={styles.body}>
          <Input
            role="combobox"
            aria-label="Find an account, identity, token or action"
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={current ? optionId(results.indexOf(current)) : undefined}
            contentBefore={<SearchRegular />}
            placeholder="copy token Support chat tester · can adele render Showroom · regenerate secondary Showroom"
            value={query}
            onChange={(_, d) => {
              setQuery(d.value);
              setActive(0);
              setError(undefined);
            }}
            onKeyDown={onKeyDown}
            autoComplete="off"
            spellCheck={false}
          />
          {error && <ErrorBar error={error} />}
          {loadError && !error && <Caption1 className={styles.detail}>Some lists could not be read: {loadError.message}</Caption1>}
          {!data ? (
            <Spinner size="tiny" label="Reading accounts, identities and tokens…" />
          ) : (
            <ul ref={list} id={listId} role="listbox" aria-label="Results" className={styles.list}>
              {results.map((command, i) => (
                <li
                  key={command.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={command === current}
                  className={mergeClasses(styles.option, command === current && styles.active)}
                  onMouseMove={() => i !== active && setActive(i)}
                  onClick={() => void run(command)}
                >
                  <Text weight={command === current ? 'semibold' : 'regular'}>{command.title}</Text>
                  <Caption1 className={styles.detail}>
                    {command.group === 'Expiring next' && <span className={styles.group}>Expiring next · </span>}
                    {running === command ? 'Working…' : command.detail}
                  </Caption1>
                </li>
              ))}
              {results.length === 0 && (
                <li role="presentation" className={styles.empty}>
                  Nothing matches “{query}”. Try a section, an account’s name, an identity, or a verb: copy, new, regenerate, can.
                </li>
              )}
            </ul>
          )}
        </DialogBody>
      </DialogSurface>
    </ModalDialog>
  );
}
