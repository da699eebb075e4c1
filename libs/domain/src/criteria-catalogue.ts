import { DomainRuleError } from './domain-rule.error';
import { LEGAL_VERSIONS, type LegalVersionCode } from './legal-version';
import { formatPoints, parsePoints } from './points';
import { PRODUCT_SETS } from './product-catalogue';

// A criteria catalogue is data: per legal version, a tree per kind of product
// (part → group → criterion → mutually exclusive options with points), and which tree scores
// which product set. Operators edit it as JSON (points written in points, e.g. 2.5); in code
// every amount is integer hundredths (2.5 points = 250), converted from the decimal digits.

export interface CatalogueOption {
  code: string;
  labelVi: string;
  /** Hundredths. */
  points: number;
}

export interface MandatoryRequirement {
  stars: 3 | 4 | 5;
  /** Hundredths: the mean of the members' points on this criterion must reach it. */
  minPoints: number;
}

export interface CatalogueCriterion {
  code: string;
  labelVi: string;
  /** Hundredths; the highest option is worth exactly this. */
  maxPoints: number;
  options: CatalogueOption[];
  /** Assessed by the commune People's Committee (1489/QĐ-TTg), not by council members. */
  communeScored: boolean;
  /** Bonus points: outside the group and part maxima; a part's score is capped at its maximum. */
  bonus: boolean;
  mandatory: MandatoryRequirement[];
  /** The points are provisional: an operator must key them in from the official annex. */
  toComplete: boolean;
  noteVi?: string;
}

export interface CatalogueGroup {
  code: string;
  labelVi: string;
  /** Hundredths: the sum of the group's non-bonus criteria. */
  maxPoints: number;
  criteria: CatalogueCriterion[];
}

export interface CataloguePart {
  code: string;
  labelVi: string;
  /** Hundredths: the catalogue's total for this part, and the sum of its groups. */
  maxPoints: number;
  groups: CatalogueGroup[];
}

export interface CriteriaTree {
  code: string;
  labelVi: string;
  parts: CataloguePart[];
}

export type CatalogueStatus = 'PROVISIONAL' | 'FINAL';

export interface CriteriaCatalogue {
  code: string;
  titleVi: string;
  legalVersions: LegalVersionCode[];
  status: CatalogueStatus;
  /** Part code → hundredths; adds up to 10000. */
  partTotals: Record<string, number>;
  trees: CriteriaTree[];
  /** Product-set code '01'..'26' → tree code. */
  productSets: Record<string, string>;
}

/** Points as an operator writes them in the file: a JSON number or a decimal string, at most 2 decimals. */
export type CataloguePointsValue = number | string;

export interface CatalogueOptionDocument {
  code: string;
  labelVi: string;
  points: CataloguePointsValue;
}

export interface MandatoryRequirementDocument {
  stars: 3 | 4 | 5;
  minPoints: CataloguePointsValue;
}

export interface CatalogueCriterionDocument {
  code: string;
  labelVi: string;
  maxPoints: CataloguePointsValue;
  options: CatalogueOptionDocument[];
  communeScored?: boolean;
  bonus?: boolean;
  mandatory?: MandatoryRequirementDocument[];
  toComplete?: boolean;
  noteVi?: string;
}

export interface CatalogueGroupDocument {
  code: string;
  labelVi: string;
  maxPoints: CataloguePointsValue;
  criteria: CatalogueCriterionDocument[];
}

export interface CataloguePartDocument {
  code: string;
  labelVi: string;
  maxPoints: CataloguePointsValue;
  groups: CatalogueGroupDocument[];
}

export interface CriteriaTreeDocument {
  code: string;
  labelVi: string;
  parts: CataloguePartDocument[];
}

/** The JSON file format of a catalogue (data/criteria/*.json). */
export interface CatalogueDocument {
  $comment?: string;
  notes?: string;
  code: string;
  titleVi: string;
  legalVersions: LegalVersionCode[];
  status: CatalogueStatus;
  partTotals: Record<string, CataloguePointsValue>;
  trees: CriteriaTreeDocument[];
  productSets: Record<string, string>;
}

export interface CatalogueIssue {
  /** Names the offending node by codes, e.g. `trees[GOODS].parts[A].groups[A1].criteria[A1.2].options[b].points`. */
  path: string;
  message: string;
}

/** A catalogue document was refused; `issues` lists every problem found, not only the first. */
export class CatalogueInvalidError extends DomainRuleError {
  constructor(readonly issues: CatalogueIssue[]) {
    super(
      'CATALOGUE_INVALID',
      `Criteria catalogue is invalid: ${issues.length} issue(s): ${issues
        .slice(0, 5)
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ')}`,
      issues[0]?.path,
    );
    this.name = 'CatalogueInvalidError';
  }
}

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
/** Large enough for any amount; the sums against partTotals (100 points) bound the rest. */
const PARSE_MAX_POINTS = 1_000_000;
const STATUSES: readonly CatalogueStatus[] = ['PROVISIONAL', 'FINAL'];
const MANDATORY_STARS: readonly number[] = [3, 4, 5];

const ROOT_FIELDS = ['$comment', 'notes', 'code', 'titleVi', 'legalVersions', 'status', 'partTotals', 'trees', 'productSets'];
const TREE_FIELDS = ['code', 'labelVi', 'parts'];
const PART_FIELDS = ['code', 'labelVi', 'maxPoints', 'groups'];
const GROUP_FIELDS = ['code', 'labelVi', 'maxPoints', 'criteria'];
const CRITERION_FIELDS = ['code', 'labelVi', 'maxPoints', 'options', 'communeScored', 'bonus', 'mandatory', 'toComplete', 'noteVi'];
const OPTION_FIELDS = ['code', 'labelVi', 'points'];
const MANDATORY_FIELDS = ['stars', 'minPoints'];

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** `base.key`, or just `key` at the top level. */
function join(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/** `base.field[code]`, or `base.field[index]` when the node has no usable code. */
function nodePath(base: string, field: string, node: unknown, index: number): string {
  const code = isObject(node) ? node.code : undefined;
  return join(base, `${field}[${typeof code === 'string' && code !== '' ? code : index}]`);
}

/** Hundredths not known because the value was refused; sums over it are skipped, not reported twice. */
const UNKNOWN = Number.NaN;

function known(...values: number[]): boolean {
  return values.every((value) => !Number.isNaN(value));
}

/** Collects every issue of one document while converting it. */
class CatalogueReader {
  readonly issues: CatalogueIssue[] = [];

  issue(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (isObject(value)) return value;
    this.issue(path || '(document)', `must be an object, got ${shown(value)}`);
    return undefined;
  }

  fields(node: JsonObject, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(node)) {
      if (!allowed.includes(key)) this.issue(join(path, key), `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  code(node: JsonObject, path: string): string {
    const value = node.code;
    if (typeof value !== 'string' || !CODE_PATTERN.test(value)) {
      this.issue(
        join(path, 'code'),
        `must be a code of 1 to 40 letters, digits, ".", "_" or "-" starting with a letter or digit, got ${shown(value)}`,
      );
      return typeof value === 'string' ? value : '';
    }
    return value;
  }

  text(node: JsonObject, key: string, path: string): string {
    const value = node[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.issue(join(path, key), `must be a non-empty text, got ${shown(value)}`);
      return typeof value === 'string' ? value : '';
    }
    return value;
  }

  optionalText(node: JsonObject, key: string, path: string): string | undefined {
    const value = node[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.issue(join(path, key), `must be a text when given, got ${shown(value)}`);
      return undefined;
    }
    return value;
  }

  flag(node: JsonObject, key: string, path: string): boolean {
    const value = node[key];
    if (value === undefined) return false;
    if (typeof value !== 'boolean') {
      this.issue(join(path, key), `must be true or false when given, got ${shown(value)}`);
      return false;
    }
    return value;
  }

  /** Points in the file (3, 2.5 or "2.5") to hundredths, from the decimal digits: never float arithmetic. */
  points(value: unknown, path: string): number {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
    if (text !== undefined) {
      try {
        return parsePoints(text, PARSE_MAX_POINTS);
      } catch (error) {
        if (!(error instanceof DomainRuleError)) throw error;
      }
    }
    this.issue(path, `must be points written as a number or decimal text with at most 2 decimals (3, 2.5 or "2.5"), got ${shown(value)}`);
    return UNKNOWN;
  }

  array(node: JsonObject, key: string, path: string, options: { optional?: boolean; nonEmpty?: boolean } = {}): unknown[] {
    const value = node[key];
    if (value === undefined && options.optional) return [];
    if (!Array.isArray(value)) {
      this.issue(join(path, key), `must be a list, got ${shown(value)}`);
      return [];
    }
    if (options.nonEmpty && value.length === 0) this.issue(join(path, key), 'must not be empty');
    return value;
  }

  /** Reports the second and later nodes whose code was already used in the same scope. */
  unique(seen: Set<string>, code: string, path: string, scope: string): void {
    if (code === '') return;
    if (seen.has(code)) this.issue(path, `duplicate code "${code}" ${scope}`);
    seen.add(code);
  }
}

function readOption(reader: CatalogueReader, raw: unknown, path: string): CatalogueOption {
  const node = reader.object(raw, path);
  if (node === undefined) return { code: '', labelVi: '', points: UNKNOWN };
  reader.fields(node, path, OPTION_FIELDS);
  return {
    code: reader.code(node, path),
    labelVi: reader.text(node, 'labelVi', path),
    points: reader.points(node.points, join(path, 'points')),
  };
}

function readMandatory(reader: CatalogueReader, raw: unknown, path: string): MandatoryRequirement | undefined {
  const node = reader.object(raw, path);
  if (node === undefined) return undefined;
  reader.fields(node, path, MANDATORY_FIELDS);
  const stars = node.stars;
  const minPoints = reader.points(node.minPoints, join(path, 'minPoints'));
  if (typeof stars !== 'number' || !MANDATORY_STARS.includes(stars)) {
    reader.issue(join(path, 'stars'), `must be 3, 4 or 5, got ${shown(stars)}`);
    return undefined;
  }
  return { stars: stars as 3 | 4 | 5, minPoints };
}

function readCriterion(reader: CatalogueReader, raw: unknown, path: string): CatalogueCriterion {
  const node = reader.object(raw, path);
  if (node === undefined) {
    return { code: '', labelVi: '', maxPoints: UNKNOWN, options: [], communeScored: false, bonus: false, mandatory: [], toComplete: false };
  }
  reader.fields(node, path, CRITERION_FIELDS);
  const code = reader.code(node, path);
  const labelVi = reader.text(node, 'labelVi', path);
  const maxPoints = reader.points(node.maxPoints, join(path, 'maxPoints'));
  if (maxPoints === 0) reader.issue(join(path, 'maxPoints'), 'must be greater than 0');

  const optionCodes = new Set<string>();
  const options = reader.array(node, 'options', path, { nonEmpty: true }).map((rawOption, index) => {
    const optionPath = nodePath(path, 'options', rawOption, index);
    const option = readOption(reader, rawOption, optionPath);
    reader.unique(optionCodes, option.code, optionPath, 'among the options of this criterion');
    if (known(option.points, maxPoints) && option.points > maxPoints) {
      reader.issue(
        join(optionPath, 'points'),
        `${formatPoints(option.points)} exceeds the criterion's maxPoints ${formatPoints(maxPoints)}`,
      );
    }
    return option;
  });
  const optionPoints = options.map((option) => option.points);
  if (options.length > 0 && known(maxPoints, ...optionPoints)) {
    const highest = Math.max(...optionPoints);
    if (highest < maxPoints) {
      reader.issue(
        join(path, 'options'),
        `the highest option is worth ${formatPoints(highest)}, so maxPoints ${formatPoints(maxPoints)} cannot be reached`,
      );
    }
  }

  const communeScored = reader.flag(node, 'communeScored', path);
  const bonus = reader.flag(node, 'bonus', path);
  const toComplete = reader.flag(node, 'toComplete', path);
  const noteVi = reader.optionalText(node, 'noteVi', path);

  const stars = new Set<number>();
  const mandatory: MandatoryRequirement[] = [];
  reader.array(node, 'mandatory', path, { optional: true }).forEach((rawRequirement, index) => {
    const requirementPath = join(path, `mandatory[${index}]`);
    const requirement = readMandatory(reader, rawRequirement, requirementPath);
    if (requirement === undefined) return;
    if (stars.has(requirement.stars)) {
      reader.issue(join(requirementPath, 'stars'), `${requirement.stars}★ is already required on this criterion`);
    }
    stars.add(requirement.stars);
    const min = requirement.minPoints;
    if (known(min, maxPoints) && min > maxPoints) {
      reader.issue(join(requirementPath, 'minPoints'), `${formatPoints(min)} exceeds the criterion's maxPoints ${formatPoints(maxPoints)}`);
    } else if (known(min, ...optionPoints) && options.length > 0 && !optionPoints.some((points) => points >= min)) {
      reader.issue(join(requirementPath, 'minPoints'), `${formatPoints(min)} is not reached by any option`);
    }
    mandatory.push(requirement);
  });
  if (bonus && mandatory.length > 0) reader.issue(join(path, 'mandatory'), 'a bonus criterion cannot be mandatory');

  return { code, labelVi, maxPoints, options, communeScored, bonus, mandatory, toComplete, ...(noteVi === undefined ? {} : { noteVi }) };
}

function sum(values: number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}

interface TreeScope {
  groupCodes: Set<string>;
  criterionCodes: Set<string>;
}

function readGroup(reader: CatalogueReader, raw: unknown, path: string, scope: TreeScope): CatalogueGroup {
  const node = reader.object(raw, path);
  if (node === undefined) return { code: '', labelVi: '', maxPoints: UNKNOWN, criteria: [] };
  reader.fields(node, path, GROUP_FIELDS);
  const code = reader.code(node, path);
  const labelVi = reader.text(node, 'labelVi', path);
  const maxPoints = reader.points(node.maxPoints, join(path, 'maxPoints'));
  const criteria = reader.array(node, 'criteria', path, { nonEmpty: true }).map((rawCriterion, index) => {
    const criterionPath = nodePath(path, 'criteria', rawCriterion, index);
    const criterion = readCriterion(reader, rawCriterion, criterionPath);
    reader.unique(scope.criterionCodes, criterion.code, criterionPath, 'among the criteria of this tree');
    return criterion;
  });
  const counted = sum(criteria.filter((criterion) => !criterion.bonus).map((criterion) => criterion.maxPoints));
  if (known(maxPoints, counted) && counted !== maxPoints) {
    reader.issue(
      join(path, 'maxPoints'),
      `${formatPoints(maxPoints)} differs from the sum of its non-bonus criteria's maxPoints, ${formatPoints(counted)}`,
    );
  }
  return { code, labelVi, maxPoints, criteria };
}

function readPart(reader: CatalogueReader, raw: unknown, path: string, scope: TreeScope): CataloguePart {
  const node = reader.object(raw, path);
  if (node === undefined) return { code: '', labelVi: '', maxPoints: UNKNOWN, groups: [] };
  reader.fields(node, path, PART_FIELDS);
  const code = reader.code(node, path);
  const labelVi = reader.text(node, 'labelVi', path);
  const maxPoints = reader.points(node.maxPoints, join(path, 'maxPoints'));
  const groups = reader.array(node, 'groups', path, { nonEmpty: true }).map((rawGroup, index) => {
    const groupPath = nodePath(path, 'groups', rawGroup, index);
    const group = readGroup(reader, rawGroup, groupPath, scope);
    reader.unique(scope.groupCodes, group.code, groupPath, 'among the groups of this tree');
    return group;
  });
  const counted = sum(groups.map((group) => group.maxPoints));
  if (known(maxPoints, counted) && counted !== maxPoints) {
    reader.issue(
      join(path, 'maxPoints'),
      `${formatPoints(maxPoints)} differs from the sum of its groups' maxPoints, ${formatPoints(counted)}`,
    );
  }
  return { code, labelVi, maxPoints, groups };
}

/** `partTotals` is undefined when it could not be read: the parts are then not compared with it. */
function readTree(reader: CatalogueReader, raw: unknown, path: string, partTotals: Record<string, number> | undefined): CriteriaTree {
  const node = reader.object(raw, path);
  if (node === undefined) return { code: '', labelVi: '', parts: [] };
  reader.fields(node, path, TREE_FIELDS);
  const code = reader.code(node, path);
  const labelVi = reader.text(node, 'labelVi', path);
  const scope: TreeScope = { groupCodes: new Set(), criterionCodes: new Set() };
  const partCodes = new Set<string>();
  const parts = reader.array(node, 'parts', path, { nonEmpty: true }).map((rawPart, index) => {
    const partPath = nodePath(path, 'parts', rawPart, index);
    const part = readPart(reader, rawPart, partPath, scope);
    reader.unique(partCodes, part.code, partPath, 'among the parts of this tree');
    if (partTotals === undefined) return part;
    const total = Object.prototype.hasOwnProperty.call(partTotals, part.code) ? partTotals[part.code] : undefined;
    if (total === undefined) {
      if (part.code !== '') reader.issue(partPath, `part "${part.code}" is not named in partTotals`);
    } else if (known(total, part.maxPoints) && total !== part.maxPoints) {
      reader.issue(
        join(partPath, 'maxPoints'),
        `${formatPoints(part.maxPoints)} differs from partTotals[${part.code}], ${formatPoints(total)}`,
      );
    }
    return part;
  });
  const missing = Object.keys(partTotals ?? {}).filter((partCode) => !partCodes.has(partCode));
  if (missing.length > 0 && Array.isArray(node.parts)) {
    reader.issue(join(path, 'parts'), `missing part(s) named in partTotals: ${missing.join(', ')}`);
  }
  return { code, labelVi, parts };
}

function readPartTotals(reader: CatalogueReader, raw: unknown): Record<string, number> | undefined {
  const node = reader.object(raw, 'partTotals');
  if (node === undefined) return undefined;
  const totals: Record<string, number> = {};
  for (const [code, value] of Object.entries(node)) {
    const points = reader.points(value, `partTotals[${code}]`);
    if (CODE_PATTERN.test(code)) totals[code] = points;
    else reader.issue(`partTotals[${code}]`, 'is not a valid part code');
  }
  const values = Object.values(totals);
  if (values.length === 0) {
    reader.issue('partTotals', 'must name at least one part');
  } else if (known(...values) && sum(values) !== 10000) {
    reader.issue('partTotals', `must add up to exactly 100 points, got ${formatPoints(sum(values))}`);
  }
  return totals;
}

function readLegalVersions(reader: CatalogueReader, root: JsonObject): LegalVersionCode[] {
  const allowed = LEGAL_VERSIONS.map((version) => version.code as string);
  const versions: LegalVersionCode[] = [];
  reader.array(root, 'legalVersions', '', { nonEmpty: true }).forEach((value, index) => {
    const path = `legalVersions[${index}]`;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      reader.issue(path, `must be one of ${allowed.map((code) => `"${code}"`).join(', ')}, got ${shown(value)}`);
    } else if (versions.includes(value as LegalVersionCode)) {
      reader.issue(path, `"${value}" is listed twice`);
    } else {
      versions.push(value as LegalVersionCode);
    }
  });
  return versions;
}

function readProductSets(reader: CatalogueReader, raw: unknown, trees: CriteriaTree[]): Record<string, string> {
  const node = reader.object(raw, 'productSets');
  if (node === undefined) return {};
  const treeCodes = new Set(trees.map((tree) => tree.code));
  const mapped: Record<string, string> = {};
  for (const productSet of PRODUCT_SETS) {
    const path = `productSets[${productSet.code}]`;
    const treeCode = node[productSet.code];
    if (treeCode === undefined) {
      reader.issue(path, `product set ${productSet.code} (${productSet.nameVi}) is not mapped to a tree`);
    } else if (typeof treeCode !== 'string') {
      reader.issue(path, `must be a tree code, got ${shown(treeCode)}`);
    } else {
      if (!treeCodes.has(treeCode)) reader.issue(path, `names tree "${treeCode}", which the catalogue does not define`);
      mapped[productSet.code] = treeCode;
    }
  }
  for (const code of Object.keys(node)) {
    if (!PRODUCT_SETS.some((productSet) => productSet.code === code)) {
      reader.issue(`productSets[${code}]`, 'is not a product set code (01 to 26)');
    }
  }
  return mapped;
}

/**
 * Validates a catalogue file (see data/criteria/README.md) and converts its points to hundredths.
 * Throws CatalogueInvalidError listing every issue found.
 */
export function parseCatalogue(doc: unknown): CriteriaCatalogue {
  const reader = new CatalogueReader();
  const root = reader.object(doc, '');
  if (root === undefined) throw new CatalogueInvalidError(reader.issues);
  reader.fields(root, '', ROOT_FIELDS);
  reader.optionalText(root, '$comment', '');
  reader.optionalText(root, 'notes', '');

  const code = reader.code(root, '');
  const titleVi = reader.text(root, 'titleVi', '');
  const legalVersions = readLegalVersions(reader, root);
  const status = root.status;
  if (typeof status !== 'string' || !STATUSES.includes(status as CatalogueStatus)) {
    reader.issue('status', `must be "PROVISIONAL" or "FINAL", got ${shown(status)}`);
  }
  const partTotals = readPartTotals(reader, root.partTotals);

  const treeCodes = new Set<string>();
  const trees = reader.array(root, 'trees', '', { nonEmpty: true }).map((rawTree, index) => {
    const treePath = nodePath('', 'trees', rawTree, index);
    const tree = readTree(reader, rawTree, treePath, partTotals);
    reader.unique(treeCodes, tree.code, treePath, 'among the trees of this catalogue');
    return tree;
  });
  const productSets = readProductSets(reader, root.productSets, trees);

  if (status === 'FINAL') {
    for (const item of catalogueCompletion({ code, titleVi, legalVersions, status, partTotals: partTotals ?? {}, trees, productSets })) {
      reader.issue(`${item.path}.toComplete`, 'a FINAL catalogue cannot contain criteria still to complete');
    }
  }

  if (reader.issues.length > 0) throw new CatalogueInvalidError(reader.issues);
  return { code, titleVi, legalVersions, status: status as CatalogueStatus, partTotals: partTotals ?? {}, trees, productSets };
}

/** Hundredths to the file's points, as a JSON number (250 → 2.5), through the decimal text. */
function toDocumentPoints(hundredths: number): number {
  return Number(formatPoints(hundredths));
}

function criterionToDocument(criterion: CatalogueCriterion): CatalogueCriterionDocument {
  return {
    code: criterion.code,
    labelVi: criterion.labelVi,
    maxPoints: toDocumentPoints(criterion.maxPoints),
    options: criterion.options.map((option) => ({ code: option.code, labelVi: option.labelVi, points: toDocumentPoints(option.points) })),
    ...(criterion.communeScored ? { communeScored: true } : {}),
    ...(criterion.bonus ? { bonus: true } : {}),
    ...(criterion.mandatory.length > 0
      ? {
          mandatory: criterion.mandatory.map((requirement) => ({
            stars: requirement.stars,
            minPoints: toDocumentPoints(requirement.minPoints),
          })),
        }
      : {}),
    ...(criterion.toComplete ? { toComplete: true } : {}),
    ...(criterion.noteVi === undefined ? {} : { noteVi: criterion.noteVi }),
  };
}

/** Back to the file format (points as JSON numbers such as 2.5); parseCatalogue of the result equals `c`. */
export function catalogueToDocument(c: CriteriaCatalogue): CatalogueDocument {
  return {
    code: c.code,
    titleVi: c.titleVi,
    legalVersions: [...c.legalVersions],
    status: c.status,
    partTotals: Object.fromEntries(Object.entries(c.partTotals).map(([code, hundredths]) => [code, toDocumentPoints(hundredths)])),
    trees: c.trees.map((tree) => ({
      code: tree.code,
      labelVi: tree.labelVi,
      parts: tree.parts.map((part) => ({
        code: part.code,
        labelVi: part.labelVi,
        maxPoints: toDocumentPoints(part.maxPoints),
        groups: part.groups.map((group) => ({
          code: group.code,
          labelVi: group.labelVi,
          maxPoints: toDocumentPoints(group.maxPoints),
          criteria: group.criteria.map(criterionToDocument),
        })),
      })),
    })),
    productSets: { ...c.productSets },
  };
}

/** Every criterion an operator must still key in from the official annex (toComplete), in tree order. */
export function catalogueCompletion(c: CriteriaCatalogue): { path: string; labelVi: string; noteVi?: string }[] {
  const items: { path: string; labelVi: string; noteVi?: string }[] = [];
  for (const tree of c.trees) {
    for (const part of tree.parts) {
      for (const group of part.groups) {
        for (const criterion of group.criteria) {
          if (!criterion.toComplete) continue;
          items.push({
            path: `trees[${tree.code}].parts[${part.code}].groups[${group.code}].criteria[${criterion.code}]`,
            labelVi: criterion.labelVi,
            ...(criterion.noteVi === undefined ? {} : { noteVi: criterion.noteVi }),
          });
        }
      }
    }
  }
  return items;
}

/** The tree that scores a product set; throws CATALOGUE_SET_UNKNOWN when the catalogue maps none. */
export function treeForProductSet(c: CriteriaCatalogue, productSetCode: string): CriteriaTree {
  const treeCode = Object.prototype.hasOwnProperty.call(c.productSets, productSetCode) ? c.productSets[productSetCode] : undefined;
  const tree = treeCode === undefined ? undefined : c.trees.find((candidate) => candidate.code === treeCode);
  if (tree === undefined) {
    throw new DomainRuleError(
      'CATALOGUE_SET_UNKNOWN',
      `Criteria catalogue ${c.code} has no criteria tree for product set "${productSetCode}"`,
      'productSetCode',
    );
  }
  return tree;
}

/** The tree's criteria, flattened in order (part, group, criterion). */
export function criteriaOf(tree: CriteriaTree): CatalogueCriterion[] {
  return tree.parts.flatMap((part) => part.groups.flatMap((group) => group.criteria));
}
