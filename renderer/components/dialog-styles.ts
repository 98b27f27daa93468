import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout every dialog's content shares. */
export const useDialogStyles = makeStyles({
  // DialogContent scrolls: its children keep their height instead of shrinking into each other.
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
  // Wider surfaces than Fluent's 600 pixels, for long fields and tables (FormDialog's size).
  medium: { maxWidth: '680px', width: '100%' },
  large: { maxWidth: '760px', width: '100%' },
  wide: { maxWidth: '860px', width: '100%' },
  // Progress beside the buttons sits on their middle line.
  actions: { alignItems: 'center' },
  // The button of a change that cannot be undone (Delete, Sign out, Remove): red, in both themes.
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});
