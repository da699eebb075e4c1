import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CatalogueInvalidError, catalogueCompletion, criteriaOf, parseCatalogue, type CriteriaCatalogue } from '@ocop/domain';

/**
 * Checks criteria catalogue files (data/criteria/*.json) as the scoring service will load them:
 * prints every validation issue, then the criteria an operator must still key in from the
 * official annex. Exit 1 if any file is invalid, 2 on wrong usage.
 *   npm run catalogue:check -- data/criteria/148.json [more.json ...]
 */

function summary(catalogue: CriteriaCatalogue): string {
  const trees = catalogue.trees.map((tree) => {
    const criteria = criteriaOf(tree);
    const commune = criteria.filter((criterion) => criterion.communeScored).length;
    const bonus = criteria.filter((criterion) => criterion.bonus).length;
    const mandatory = criteria.filter((criterion) => criterion.mandatory.length > 0).length;
    return `${tree.code} (${criteria.length} criteria, ${commune} commune-scored, ${bonus} bonus, ${mandatory} mandatory)`;
  });
  return `catalogue ${catalogue.code}, ${catalogue.status}, legal versions ${catalogue.legalVersions.join(', ')}; trees: ${trees.join('; ')}`;
}

/** Returns false when the file is invalid. */
function check(file: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    console.error(`${file}: INVALID: cannot read it as JSON: ${(error as Error).message}`);
    return false;
  }
  let catalogue: CriteriaCatalogue;
  try {
    catalogue = parseCatalogue(doc);
  } catch (error) {
    if (!(error instanceof CatalogueInvalidError)) throw error;
    console.error(`${file}: INVALID: ${error.issues.length} issue(s)`);
    for (const issue of error.issues) console.error(`  - ${issue.path}: ${issue.message}`);
    return false;
  }
  console.log(`${file}: valid ${summary(catalogue)}`);
  const todo = catalogueCompletion(catalogue);
  if (todo.length === 0) {
    console.log('  nothing left to complete');
  } else {
    console.log(`  ${todo.length} criteria still to complete (toComplete: true) before the catalogue can be FINAL:`);
    for (const item of todo) console.log(`  - ${item.path}: ${item.labelVi}${item.noteVi ? `\n      ${item.noteVi}` : ''}`);
  }
  return true;
}

function main(files: string[]): void {
  if (files.length === 0) {
    console.error('usage: npm run catalogue:check -- <catalogue.json> [more.json ...]');
    process.exit(2);
  }
  const results = files.map(check);
  process.exit(results.every(Boolean) ? 0 : 1);
}

main(process.argv.slice(2));
