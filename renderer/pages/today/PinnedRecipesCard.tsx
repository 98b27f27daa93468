import { Body1, Button, Card, CardHeader, Subtitle2, Text, Tooltip } from '@fluentui/react-components';
import { CopyRegular, DocumentRegular, PinOffRegular, PinRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import type { PinnedRecipe } from '../../../shared/settings.ts';
import type { AcsIdentityView } from '../../../shared/tokens.ts';
import { PinRecipeForm } from './PinRecipeForm.tsx';
import type { RecipeCopy } from './recipe-copy.ts';
import { isPinned, recipeLabel, recipeUsable } from './today-model.ts';
import { useTodayStyles } from './today-styles.ts';

export interface PinnedRecipesCardProps {
  recipes: readonly PinnedRecipe[];
  accounts: readonly AccountView[];
  acsIdentities: readonly AcsIdentityView[];
  /** The recipe a copy is under way for: its buttons wait. */
  busyId: string | undefined;
  onCopy(recipe: PinnedRecipe, what: RecipeCopy): void;
  onPin(recipe: Omit<PinnedRecipe, 'id'>): Promise<boolean>;
  onUnpin(recipe: PinnedRecipe): void;
}

/** The recipes the user pinned, each copying a fresh ACS user token (or its .env lines) in one action; and the form that pins one. */
export function PinnedRecipesCard({ recipes, accounts, acsIdentities, busyId, onCopy, onPin, onUnpin }: PinnedRecipesCardProps) {
  const styles = useTodayStyles();
  const [pinning, setPinning] = useState(false);
  const pinButton = (
    <Button icon={<PinRegular />} onClick={() => setPinning(true)} disabled={pinning}>
      Pin a recipe
    </Button>
  );
  return (
    <Card role="region" aria-labelledby="today-recipes">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="today-recipes">
            Pinned recipes
          </Subtitle2>
        }
        action={pinButton}
      />
      {recipes.length === 0 && !pinning && (
        <Body1 as="p" className={styles.empty}>
          No recipe pinned yet. Pin an ACS resource, identity and scopes: a fresh user token, or its .env lines, is then one click away.
        </Body1>
      )}
      {recipes.length > 0 && (
        <ul className={styles.list} aria-label="Pinned recipes">
          {recipes.map((recipe) => {
            const label = recipeLabel(recipe, accounts, acsIdentities);
            const usable = recipeUsable(recipe, accounts, acsIdentities);
            const busy = busyId === recipe.id;
            return (
              <li key={recipe.id} className={styles.row} data-recipe-id={recipe.id}>
                <div className={styles.text}>
                  <Text weight="semibold">{label}</Text>
                  {!usable && <Body1 className={styles.expired}>Its resource or ACS identity is no longer in the app: unpin it.</Body1>}
                </div>
                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    icon={<CopyRegular />}
                    disabledFocusable={busy || !usable}
                    aria-label={`Copy token: ${label}`}
                    onClick={() => onCopy(recipe, 'token')}
                  >
                    Copy token
                  </Button>
                  <Button
                    icon={<DocumentRegular />}
                    disabledFocusable={busy || !usable}
                    aria-label={`Copy as .env: ${label}`}
                    onClick={() => onCopy(recipe, 'env')}
                  >
                    Copy as .env
                  </Button>
                  <Tooltip content={`Unpin ${label}`} relationship="label">
                    <Button appearance="subtle" icon={<PinOffRegular />} onClick={() => onUnpin(recipe)} />
                  </Tooltip>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {pinning && (
        <PinRecipeForm
          accounts={accounts}
          pinnedAlready={(candidate) => isPinned(recipes, candidate)}
          onCancel={() => setPinning(false)}
          onPin={async (recipe) => {
            const pinned = await onPin(recipe);
            if (pinned) setPinning(false);
            return pinned;
          }}
        />
      )}
    </Card>
  );
}
