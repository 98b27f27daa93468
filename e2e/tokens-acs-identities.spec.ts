import { expect, test } from './support/emulator-fixture.ts';
import { expectFocusWithin, openWithKeyboard, pressOn, tabTo } from './support/keyboard.ts';
import {
  openWithChatResource,
  jwtClaims,
  listedAccountId,
  listedTokens,
  mintChatToken,
  tokenList,
  tokenValue,
} from './support/tokens-page.ts';

// The ACS identities dialog end to end: the identities the app remembers per resource, a token
// issued for one of them, and its revoke and delete, each seen in the token list.

test(
  'a user issues a token for an ACS identity created earlier, revokes its tokens and deletes it from the ACS identities dialog, ' +
    'by keyboard',
  async ({ app, page, emulator }) => {
    await openWithChatResource(app, page, emulator);
    // Another identity's token, which nothing below may touch.
    await mintChatToken(app.core, (await listedAccountId(app.core)) ?? '', 'Carol (other)');
    await app.open(page, 'tokens');

    // Remember an identity, with no token yet.
    const identities = page.getByRole('dialog', { name: 'ACS identities' });
    await openWithKeyboard(page, page.getByRole('button', { name: 'ACS identities' }), identities);
    await expect(identities.getByRole('combobox', { name: 'Communication Services resource' })).toHaveText(/contoso-acs-chat/);
    await tabTo(page, identities.getByRole('textbox', { name: 'New identity’s label' }));
    await page.keyboard.type('Bob (tester)');
    // With the user's own ID for him (api-version 2025-06-30): ACS gives the same identity back for it.
    await tabTo(page, identities.getByRole('textbox', { name: 'Custom ID (optional)' }));
    await page.keyboard.type('bob@contoso.com');
    await page.keyboard.press('Enter');
    await expect(identities.getByRole('status')).toContainText(/^Created Bob \(tester\) \(8:acs:.+, custom ID bob@contoso\.com\)\.$/);
    const bob = identities.getByRole('row', { name: /^Bob \(tester\)/ });
    await expect(bob).toContainText('Never');
    await expect(bob).toContainText('bob@contoso.com');

    // Get token for it: New token opens on the ACS tab with that identity chosen, shown by its label.
    const dialog = page.getByRole('dialog', { name: 'New token' });
    await openWithKeyboard(page, bob.getByRole('button', { name: 'Get token for Bob (tester)' }), dialog);
    await expect(dialog.getByRole('tab', { name: 'ACS user token' })).toHaveAttribute('aria-selected', 'true');
    await expect(dialog.getByRole('radio', { name: 'An identity created earlier' })).toBeChecked();
    await expect(dialog.getByRole('combobox', { name: 'Identity' })).toHaveText(/^Bob \(tester\) · 8:acs:/);
    await tabTo(page, dialog.getByRole('checkbox', { name: /^chat Chat: create threads/ }));
    await page.keyboard.press('Space');
    await tabTo(page, dialog.getByRole('checkbox', { name: /^chat\.join Join chat threads/ }));
    await page.keyboard.press('Space');
    await tabTo(page, dialog.getByRole('checkbox', { name: /^voip Calling/ }));
    await page.keyboard.press('Space');
    await tabTo(page, dialog.getByRole('spinbutton', { name: 'Lifetime (minutes)' }));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('90');
    await page.keyboard.press('Enter');
    // It ends in the result card; Escape closes the dialog.
    await expect(dialog.getByRole('heading', { name: 'ACS user token for Bob (tester)' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Got an ACS user token for Bob (tester) on contoso-acs-chat.' })).toBeVisible();

    // Listed with that identity as its source, the scopes chosen and the lifetime asked for.
    const bobsRows = tokenList(page).getByRole('option').filter({ hasText: 'Bob (tester)' });
    const carolsRow = tokenList(page).getByRole('option').filter({ hasText: 'Carol (other)' });
    await expect(bobsRows).toHaveCount(1);
    await expect(bobsRows).toContainText('contoso-acs-chat · Bob (tester) (access key)');
    await expect(bobsRows).toContainText('chat.join, voip');
    await expect(bobsRows.getByTestId('token-countdown')).toHaveText(/^in (1 h 29 min|1 h 30 min)$/);
    const issued = (await listedTokens(page)).find(
      (t) => t.source.subject?.kind === 'acs-identity' && t.source.subject.label === 'Bob (tester)',
    );
    if (!issued) throw new Error('no token listed for Bob');
    const claims = jwtClaims(await tokenValue(page, issued.id));
    expect(claims['acsScope']).toBe('chat.join,voip');
    expect(Date.parse(issued.expiresAt)).toBe(Number(claims['exp']) * 1000);
    expect(Number(claims['exp']) - Number(claims['iat'])).toBeGreaterThanOrEqual(90 * 60 - 1);

    // Revoke its tokens from the dialog: it asks on the row first, then every token of Bob is marked revoked, Carol's not.
    await openWithKeyboard(page, page.getByRole('button', { name: 'ACS identities' }), identities);
    // Asked, ACS says when it last issued a token for Bob (Get identity).
    await expect(bob).toContainText('Not asked');
    await pressOn(page, bob.getByRole('button', { name: 'Ask ACS about Bob (tester)' }));
    await expect(identities.getByRole('status')).toContainText('ACS last issued a token for Bob (tester) at ');
    await expect(bob).not.toContainText('Not asked');
    await pressOn(page, bob.getByRole('button', { name: 'Revoke tokens of Bob (tester)' }));
    const yesRevoke = bob.getByRole('button', { name: 'Yes, revoke all its tokens' });
    await pressOn(page, yesRevoke);
    await expect(identities.getByRole('status')).toHaveText('Revoked every token of Bob (tester) (1 in the list marked revoked).');
    await expect(bob).not.toContainText('Never');
    // The dialog is modal: the list behind it is read once it closes.
    await pressOn(page, identities.getByRole('button', { name: 'Close' }));
    await expect(identities).toBeHidden();
    await expect(bobsRows.locator('[data-status]')).toHaveText('Revoked');
    await expect(carolsRow.locator('[data-status]')).toHaveText('Valid');

    // A new token after the revoke, then delete the identity: asked first, it leaves the dialog, and its token shows revoked.
    await openWithKeyboard(page, page.getByRole('button', { name: 'ACS identities' }), identities);
    await pressOn(page, bob.getByRole('button', { name: 'Get token for Bob (tester)' }));
    await expectFocusWithin(page, dialog);
    await pressOn(page, dialog.getByRole('button', { name: 'Get token' }));
    await expect(dialog.getByTestId('acs-result')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(bobsRows).toHaveCount(2);
    await expect(bobsRows.locator('[data-status]')).toHaveText(['Valid', 'Revoked']);

    await openWithKeyboard(page, page.getByRole('button', { name: 'ACS identities' }), identities);
    await pressOn(page, bob.getByRole('button', { name: 'Delete Bob (tester)' }));
    const keep = bob.getByRole('button', { name: 'Keep' });
    await pressOn(page, keep);
    await expect(bob.getByRole('button', { name: 'Delete Bob (tester)' }), 'Keep leaves it').toBeVisible();
    await pressOn(page, bob.getByRole('button', { name: 'Delete Bob (tester)' }), { backwards: true });
    await pressOn(page, bob.getByRole('button', { name: 'Yes, delete it at ACS' }));
    await expect(identities.getByRole('status')).toHaveText('Deleted Bob (tester): its tokens no longer work.');
    await expect(bob).toHaveCount(0);
    await expect(identities.getByRole('row', { name: /^Carol \(other\)/ })).toBeVisible();
    await pressOn(page, identities.getByRole('button', { name: 'Close' }));
    await expect(identities).toBeHidden();
    // Seen from the delete's own answer, not at the list's next poll (15 s): the wait stays under that, with room for a busy machine.
    await expect(bobsRows.locator('[data-status]')).toHaveText(['Revoked', 'Revoked'], { timeout: 10_000 });
    await expect(carolsRow.locator('[data-status]')).toHaveText('Valid');
    expect(
      (await listedTokens(page))
        .filter((t) => t.source.subject?.kind === 'acs-identity' && t.source.subject.label === 'Bob (tester)')
        .map((t) => t.status),
    ).toEqual(['revoked', 'revoked']);
  },
);
