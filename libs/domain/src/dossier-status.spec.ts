import { DomainRuleError } from './domain-rule.error';
import { DossierAction, DossierStatus, allowedDossierActions, isTerminalDossierStatus, nextDossierStatus } from './dossier-status';

const S = DossierStatus;
const A = DossierAction;

// The expected table, written out independently of the implementation.
const EXPECTED: ReadonlyArray<readonly [DossierStatus, DossierAction, DossierStatus]> = [
  [S.DRAFT, A.SUBMIT, S.SUBMITTED],
  [S.RETURNED_FOR_COMPLETION, A.SUBMIT, S.SUBMITTED],
  [S.SUBMITTED, A.RETURN_FOR_COMPLETION, S.RETURNED_FOR_COMPLETION],
  [S.SUBMITTED, A.ACCEPT, S.ACCEPTED_BY_COMMUNE],
  [S.ACCEPTED_BY_COMMUNE, A.PROPOSE, S.PROPOSED],
  [S.PROPOSED, A.START_EVALUATION, S.UNDER_EVALUATION],
  [S.FORWARDED, A.START_EVALUATION, S.UNDER_EVALUATION],
  [S.UNDER_EVALUATION, A.FORWARD, S.FORWARDED],
  [S.UNDER_EVALUATION, A.CERTIFY, S.CERTIFIED],
  [S.UNDER_EVALUATION, A.DECLINE, S.NOT_CERTIFIED],
  [S.DRAFT, A.WITHDRAW, S.WITHDRAWN],
  [S.SUBMITTED, A.WITHDRAW, S.WITHDRAWN],
  [S.RETURNED_FOR_COMPLETION, A.WITHDRAW, S.WITHDRAWN],
  [S.ACCEPTED_BY_COMMUNE, A.WITHDRAW, S.WITHDRAWN],
];

const allowed = new Map(EXPECTED.map(([from, action, to]) => [`${from}/${action}`, to]));
const disallowed = Object.values(S).flatMap((from) =>
  Object.values(A)
    .filter((action) => !allowed.has(`${from}/${action}`))
    .map((action) => [from, action] as const),
);

describe('dossier status machine', () => {
  it('has string enums whose values equal their names', () => {
    for (const e of [S, A]) {
      for (const [key, value] of Object.entries(e)) expect(value).toBe(key);
    }
  });

  it.each(EXPECTED)('%s --%s--> %s', (from, action, to) => {
    expect(nextDossierStatus(from, action)).toBe(to);
  });

  it('covers the whole status × action product between allowed and disallowed pairs', () => {
    expect(EXPECTED.length + disallowed.length).toBe(Object.values(S).length * Object.values(A).length);
    expect(disallowed).toHaveLength(10 * 9 - 14);
  });

  it.each(disallowed)('refuses %s --%s-->', (from, action) => {
    let thrown: unknown;
    try {
      nextDossierStatus(from, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainRuleError);
    expect(thrown).toMatchObject({
      code: 'DOSSIER_INVALID_TRANSITION',
      message: `Cannot ${action} a dossier in status ${from}`,
    });
  });

  it('lists the allowed actions of each status in enum order', () => {
    expect(allowedDossierActions(S.DRAFT)).toEqual([A.SUBMIT, A.WITHDRAW]);
    expect(allowedDossierActions(S.SUBMITTED)).toEqual([A.RETURN_FOR_COMPLETION, A.ACCEPT, A.WITHDRAW]);
    expect(allowedDossierActions(S.UNDER_EVALUATION)).toEqual([A.FORWARD, A.CERTIFY, A.DECLINE]);
    expect(allowedDossierActions(S.FORWARDED)).toEqual([A.START_EVALUATION]);
    for (const from of Object.values(S)) {
      const expected = Object.values(A).filter((action) => allowed.has(`${from}/${action}`));
      expect(allowedDossierActions(from)).toEqual(expected);
    }
  });

  it('treats exactly CERTIFIED, NOT_CERTIFIED and WITHDRAWN as terminal', () => {
    const terminal = Object.values(S).filter(isTerminalDossierStatus);
    expect(terminal).toEqual([S.CERTIFIED, S.NOT_CERTIFIED, S.WITHDRAWN]);
    for (const status of terminal) expect(allowedDossierActions(status)).toEqual([]);
  });

  it('no longer allows withdrawal once the dossier is with an evaluating tier', () => {
    for (const status of [S.PROPOSED, S.UNDER_EVALUATION, S.FORWARDED]) {
      expect(() => nextDossierStatus(status, A.WITHDRAW)).toThrow(DomainRuleError);
    }
  });
});
