import { DomainRuleError } from './domain-rule.error';

/** What a dossier asks for: first evaluation, re-recognition before expiry, or a higher star. */
export enum DossierKind {
  NEW = 'NEW',
  RE_EVALUATION = 'RE_EVALUATION',
  UPGRADE = 'UPGRADE',
}

export enum DossierStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED_FOR_COMPLETION = 'RETURNED_FOR_COMPLETION',
  ACCEPTED_BY_COMMUNE = 'ACCEPTED_BY_COMMUNE',
  PROPOSED = 'PROPOSED',
  UNDER_EVALUATION = 'UNDER_EVALUATION',
  FORWARDED = 'FORWARDED',
  CERTIFIED = 'CERTIFIED',
  NOT_CERTIFIED = 'NOT_CERTIFIED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum DossierAction {
  SUBMIT = 'SUBMIT',
  RETURN_FOR_COMPLETION = 'RETURN_FOR_COMPLETION',
  ACCEPT = 'ACCEPT',
  PROPOSE = 'PROPOSE',
  START_EVALUATION = 'START_EVALUATION',
  FORWARD = 'FORWARD',
  CERTIFY = 'CERTIFY',
  DECLINE = 'DECLINE',
  WITHDRAW = 'WITHDRAW',
}

type TransitionTable = { readonly [S in DossierStatus]: Readonly<Partial<Record<DossierAction, DossierStatus>>> };

// Procedure of 148/QĐ-TTg Phụ lục II as amended by 1489/QĐ-TTg: the commune receives and checks
// the form (returning it for completion), proposes it to the next tier, and each tier either
// certifies, declines or forwards (≥70 / ≥90 points) to the tier above, which evaluates again.
const TRANSITIONS: TransitionTable = {
  [DossierStatus.DRAFT]: {
    [DossierAction.SUBMIT]: DossierStatus.SUBMITTED,
    [DossierAction.WITHDRAW]: DossierStatus.WITHDRAWN,
  },
  [DossierStatus.SUBMITTED]: {
    [DossierAction.RETURN_FOR_COMPLETION]: DossierStatus.RETURNED_FOR_COMPLETION,
    [DossierAction.ACCEPT]: DossierStatus.ACCEPTED_BY_COMMUNE,
    [DossierAction.WITHDRAW]: DossierStatus.WITHDRAWN,
  },
  [DossierStatus.RETURNED_FOR_COMPLETION]: {
    [DossierAction.SUBMIT]: DossierStatus.SUBMITTED,
    [DossierAction.WITHDRAW]: DossierStatus.WITHDRAWN,
  },
  [DossierStatus.ACCEPTED_BY_COMMUNE]: {
    [DossierAction.PROPOSE]: DossierStatus.PROPOSED,
    [DossierAction.WITHDRAW]: DossierStatus.WITHDRAWN,
  },
  [DossierStatus.PROPOSED]: {
    [DossierAction.START_EVALUATION]: DossierStatus.UNDER_EVALUATION,
  },
  [DossierStatus.UNDER_EVALUATION]: {
    [DossierAction.FORWARD]: DossierStatus.FORWARDED,
    [DossierAction.CERTIFY]: DossierStatus.CERTIFIED,
    [DossierAction.DECLINE]: DossierStatus.NOT_CERTIFIED,
  },
  [DossierStatus.FORWARDED]: {
    [DossierAction.START_EVALUATION]: DossierStatus.UNDER_EVALUATION,
  },
  [DossierStatus.CERTIFIED]: {},
  [DossierStatus.NOT_CERTIFIED]: {},
  [DossierStatus.WITHDRAWN]: {},
};

const ALL_ACTIONS: readonly DossierAction[] = Object.values(DossierAction);

/** The status after `action`; throws DOSSIER_INVALID_TRANSITION when `from` does not allow it. */
export function nextDossierStatus(from: DossierStatus, action: DossierAction): DossierStatus {
  const to = TRANSITIONS[from]?.[action];
  if (to === undefined) {
    throw new DomainRuleError('DOSSIER_INVALID_TRANSITION', `Cannot ${action} a dossier in status ${from}`);
  }
  return to;
}

/** The actions allowed from `from`, in the declaration order of DossierAction. */
export function allowedDossierActions(from: DossierStatus): DossierAction[] {
  return ALL_ACTIONS.filter((action) => TRANSITIONS[from]?.[action] !== undefined);
}

export function isTerminalDossierStatus(status: DossierStatus): boolean {
  return allowedDossierActions(status).length === 0;
}
