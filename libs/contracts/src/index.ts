export { ErrorKind, HTTP_STATUS_OF_KIND, AppError } from './errors';
export type { ErrorPayload, RpcReply } from './errors';
export { Role, SYSTEM_ACTOR, scopeLabel } from './actor';
export type { Actor, Scope } from './actor';
export { isEventEnvelope, HEADERS } from './envelope';
export type { EventEnvelope } from './envelope';
export { commandSubject, eventSubject, eventsWildcard } from './subjects';
export { validateInto, validationErrorFrom } from './validate';
export { RegistrationSubjects, RegistrationEvents } from './registration/registration.subjects';
export { PRODUCER_TYPES, CreateProducerCommand, GetProducerQuery, ListProducersQuery, ProducerView } from './registration/producer.dto';
export { CreateProductCommand, ListProductsQuery, ProductView } from './registration/product.dto';
export { CreateRoundCommand, RoundView } from './registration/round.dto';
export {
  DOSSIER_KINDS, DOSSIER_STATUSES, CreateDossierCommand, DossierIdCommand, AttachDocumentCommand, ReturnReason, ReturnDossierBody,
  ReturnDossierCommand, ProposeDossierBody, ProposeDossierCommand, ListDossiersQuery, DocumentView, DossierView, TimelineEntryView,
  UnitView, ListUnitsQuery,
} from './registration/dossier.dto';
export type {
  DossierEventData, DossierSubmittedData, DossierReturnedData, DossierProposedData, DocumentAttachedData, ProducerRegisteredData,
  ProductRegisteredData,
} from './registration/registration.events';
export { DEMO } from './demo';
