import { recipeCells } from '../format/recipe.ts';
import { resultsSelector, searchRecipeSelector } from '../store/selectors.ts';
import { useLab } from '../store/useLabStore.ts';

/**
 * Under a recipe search: per generation, every recipe its students tried, with its score (the
 * mean of its students' audit accuracies, else agreement) and how many students tried it; the
 * recipe whose student teaches next in bold. Nothing without a search.
 */
export function RecipeView() {
  const results = useLab(resultsSelector);
  const base = useLab(searchRecipeSelector);
  if (!base) return null;
  return (
    <div className="results" role="region" aria-labelledby="recipe-view-caption">
      <table className="results__table recipes" data-testid="recipe-view">
        <caption id="recipe-view-caption">Recipes tried</caption>
        <thead>
          <tr>
            <th scope="col">Generation</th>
            <th scope="col">Recipe: score (students)</th>
          </tr>
        </thead>
        <tbody>
          {results.map((row) => (
            <tr key={row.generation}>
              <th scope="row">{row.generation}</th>
              <td className="recipes__arms">
                {(recipeCells(row, base)?.arms ?? []).map((cell) => {
                  const text = `${cell.text}: ${cell.score} (${cell.students})`;
                  return (
                    <span key={cell.arm} className="recipes__arm" data-arm={cell.arm}>
                      {cell.chosen ? <strong>{text}</strong> : text}
                    </span>
                  );
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="results__note">
        Each generation&apos;s students try different recipes (what each changes from the one set); a recipe&apos;s score is its students&apos;
        mean judge score. The chosen recipe, in bold, is the one whose student teaches next.
      </p>
    </div>
  );
}
