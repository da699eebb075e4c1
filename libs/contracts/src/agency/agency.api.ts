import { AgencyDossierQuery } from '../registration/agency-dossier.dto';
import { GuidanceMessageCommand } from '../registration/guidance.dto';
import { GiveOpinionCommand } from '../registration/opinion.dto';

/**
 * The requests an outside agency's own service may send, each on `<prefix>.agency.<CODE>.api.<name>` (agencyApiSubject),
 * request/reply with a JSON body; the reply is an RpcReply (`{"ok": true, "data": …}` or `{"ok": false, "error": {code,
 * kind, message, field?}}`). The agency is the one whose subject the request came on, which only its credential may
 * publish on. Outside production the `ocop-as-of` header sets the instant the request acts as of.
 */
export const AgencyApi = {
  /** A written opinion on a dossier (reply: OpinionView). Giving it again with the same reference returns the stored one. */
  giveOpinion: 'opinion.give',
  /** An answer in a guidance thread addressed to the agency (reply: GuidanceThreadView); the same reference again is taken once. */
  answerGuidance: 'guidance.answer',
  /** A dossier the agency was asked about — an opinion requested of it, a guidance thread to it — with its documents (reply: AgencyDossierView). */
  readDossier: 'dossier.get',
} as const;

/** Each request's body class, its reply's class name (in docs/asyncapi.yaml) and the service that answers it. */
export const AGENCY_API = {
  [AgencyApi.giveOpinion]: { request: GiveOpinionCommand, reply: 'OpinionView', service: 'registration' },
  [AgencyApi.answerGuidance]: { request: GuidanceMessageCommand, reply: 'GuidanceThreadView', service: 'registration' },
  [AgencyApi.readDossier]: { request: AgencyDossierQuery, reply: 'AgencyDossierView', service: 'registration' },
} as const satisfies Record<(typeof AgencyApi)[keyof typeof AgencyApi], { request: new () => object; reply: string; service: string }>;
