import { getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDoc } from './api-problems.decorator';

/**
 * Summary and description of every operation, by operationId (`<Controller>_<method>`). Kept here, in one table, rather
 * than as @ApiOperation on each handler: the controllers stay thin and a reader sees the whole API's vocabulary at once.
 * The OpenAPI e2e test fails for an operation missing here, and for an entry whose operation is gone.
 */
export const OPERATION_DOCS: Record<string, readonly [summary: string, description: string]> = {
  AuthController_login: ['Log in', 'Exchange username and password for a bearer token. Rate-limited per client address and username.'],
  AuthController_me: ['Who am I', 'The authenticated actor: id, username, role and administrative scope, as the services see it.'],
  UsersController_create: [
    'Create a user',
    "An admin creates a user with a role and its administrative scope (units of the admin's province; a producer user names its producer).",
  ],
  UsersController_list: [
    'List users',
    "Users of the admin's province, by username; filter by role and active flag, paged with limit/offset.",
  ],

  AgenciesController_put: [
    'Register or update an agency',
    'An admin names an outside agency (Sở Y tế, Sở Khoa học và Công nghệ, Sở Công Thương, ...) by its code and the public event types its service may hear. A change applies to credentials issued after it.',
  ],
  AgenciesController_list: [
    'List agencies',
    'The agencies registered to plug their services into the bus, with their granted event types.',
  ],
  AgenciesController_issue: [
    "Issue an agency's NATS credential",
    "A NATS credential (.creds: JWT and seed, shown once, never stored) for the agency's service: it may publish only on ocop.agency.<code>.>, hear only its granted events and its inbox prefix. 409 AGENCY_CREDENTIALS_NOT_CONFIGURED where the platform holds no agency keys.",
  ],
  AgenciesController_credentials: [
    "List an agency's credentials",
    'Issued and revoked credentials of one agency, oldest first (never the seed).',
  ],
  AgenciesController_revoke: [
    "Revoke an agency's NATS credential",
    "The broker closes the credential's connections and refuses it from then on; recorded only once the NATS resolver stored the revocation (503 NATS_RESOLVER_UNAVAILABLE otherwise). Revoking twice answers the first revocation.",
  ],

  UnitsController_list: ['List administrative units', 'Province, districts and communes, filtered by level and parent unit.'],
  ProducersController_create: [
    'Register a producer',
    'A producer (chủ thể OCOP) in a commune: enterprise, cooperative, cooperative group or household business.',
  ],
  ProducersController_list: [
    'List producers',
    "Producers in the caller's scope, newest first, optionally of one commune; paged with limit/offset.",
  ],
  ProducersController_get: ['Get a producer', "One producer in the caller's scope (404 outside it)."],
  ProducersController_products: ["List a producer's products", "The products of one producer in the caller's scope."],
  ProducersController_createProduct: [
    'Register a product',
    'A product of a producer in one of the 26 product sets (GET /api/reference/product-sets).',
  ],
  RoundsController_create: [
    'Open an evaluation round',
    'The standing office opens a round (đợt đánh giá) of a cycle year with its opening and closing days.',
  ],
  RoundsController_list: ['List evaluation rounds', "The rounds of the caller's province."],
  DossiersController_create: [
    'Create a dossier',
    'A NEW, RE_EVALUATION or UPGRADE dossier (hồ sơ) for a product, in DRAFT until submitted.',
  ],
  DossiersController_list: [
    'List dossiers',
    "Dossiers in the caller's scope, newest first; `proposedTo` gives the next tier's list of proposed dossiers. Paged with limit/offset.",
  ],
  DossiersController_get: ['Get a dossier', "One dossier with its documents, status and proposal (404 outside the caller's scope)."],
  OpinionsController_give: [
    "Give an agency's written opinion on a dossier",
    "An agency officer gives its agency's opinion (conclusion, text, its own reference) on a dossier from its proposal until its evaluation ends; one per agency, the same reference again returns the stored one; audited, on the timeline (registration.opinion-given.v1), and it opens scoring's gate when the province's rule required it.",
  ],
  OpinionsController_ofDossier: [
    "List a dossier's agency opinions",
    'The opinions requested by the province’s rule (with due time, reminder, escalation) and those given, for whoever may read the dossier.',
  ],
  OpinionsController_rules: [
    "List the province's opinion rules",
    'Which agencies’ opinions the province requires on each product group before a council scores its dossiers (none by default).',
  ],
  OpinionsController_setRule: [
    "Set a product group's opinion rule",
    'The standing office sets the agencies whose written opinion is required on the group’s dossiers, with the days each has from the proposal; an empty list switches the rule off. Dossiers proposed from then on are asked. Audited.',
  ],
  OpinionsController_run: [
    "Run registration's agency follow-ups now",
    'Admin: the sweep of reminders and escalations of required opinions and unanswered guidance questions, as of an instant outside production; each is sent once.',
  ],
  GuidanceController_ask: [
    'Ask an agency for guidance on a part of a dossier',
    'The producer (its own dossier) or its commune asks an agency about one part of the dossier (a document type or a topic), from the draft until the dossier ends; due GUIDANCE_ANSWER_DAYS later, reminded and escalated once each while unanswered; audited, on the timeline (registration.guidance-requested.v1).',
  ],
  GuidanceController_ofDossier: [
    "List a dossier's guidance threads",
    'Every question asked about the dossier, with its messages, for whoever may read the dossier.',
  ],
  GuidanceController_list: [
    'List guidance threads',
    'An agency officer: the threads addressed to its agency (its inbox); the standing office: its province’s; filter by status.',
  ],
  GuidanceController_reply: [
    'Post a message in a guidance thread',
    'The agency’s officer answers (the first answer stops the reminders) or the asker follows up; a message with a reference already in the thread is taken once. On the timeline (registration.guidance-message-posted.v1).',
  ],
  ProductIdeasController_file: [
    'File a product idea',
    'The registration form of a product idea for a programme year (the as-of year or the next): a producer for itself, a commune or district officer for a producer of its unit; the name, product set, raw materials and their origin, the expected market. It waits at the producer’s district (SUBMITTED); refused once the district has sent its list of that year (409 IDEA_LIST_SENT). Audited.',
  ],
  ProductIdeasController_list: [
    'List product ideas',
    'The ideas in the caller’s scope (a producer its own, a commune or district officer its unit’s, the office its province’s), newest first; filter by year, status and district, paged with limit/offset.',
  ],
  ProductIdeasController_get: [
    'Get a product idea',
    'One idea with its assessment, its list and the province’s decision (the picked product and dossier); outside the caller’s scope it does not exist (404).',
  ],
  ProductIdeasController_assess: [
    'Mark a product idea feasible or not',
    'The district officer of the idea’s district keeps it for its list (FEASIBLE) or not (NOT_FEASIBLE, with the reason the producer sees); it may change its mind until the district’s list of the year is sent (then 409 IDEA_LIST_SENT). Audited.',
  ],
  ProductIdeasController_pick: [
    'Pick a product idea for the programme',
    'The province’s office picks a SENT idea of its province: in one transaction the idea becomes its producer’s product (registration.product-registered.v1) and a NEW dossier in DRAFT (registration.dossier-created.v1), and is PICKED with both ids. Picking again answers the same product and dossier and changes nothing; a NOT_PICKED idea is 409 IDEA_DECIDED. Audited.',
  ],
  ProductIdeasController_reject: [
    'Do not pick a product idea',
    'The province’s office leaves a SENT idea of its province out of the programme (NOT_PICKED), with its reason for the producer. Again changes nothing; a PICKED idea is 409 IDEA_DECIDED. Audited.',
  ],
  ProductIdeasController_send: [
    'Send the district’s list of product ideas',
    'A district officer sends its district’s list of the year to the province: every FEASIBLE idea becomes SENT in one transaction. Ideas not yet assessed refuse the send (409 IDEAS_NOT_ASSESSED, naming them); a list with no feasible idea is 422 IDEA_LIST_EMPTY; once per district and year (409 IDEA_LIST_ALREADY_SENT). Audited.',
  ],
  ProducersController_setAttributes: [
    "Set a product's priority categories",
    'Its processing level (raw, preliminary, processed, deep processing), and whether it is a gift, an export, a community-tourism product, made in a green value chain — what the plans’ shares count. By its producer, the commune or district of its producer, or the office. Audited; announced (registration.product-attributes-set.v1).',
  ],
  PlansController_create: [
    'Create a plan',
    'The standing office (or a district officer, its district’s plan) records a plan of the programme (the province’s or a district’s) with its legal reference, its period and what its targets count as an added product (a product’s first certification only, or also re-evaluations and upgrades). Audited.',
  ],
  PlansController_list: [
    'List plans',
    'The plans of the caller’s province (a year: those whose period includes it); a district officer sees its district’s targets only.',
  ],
  PlansController_get: ['Get a plan', 'A plan with its targets.'],
  PlansController_setTargets: [
    "Set a plan's targets",
    'Targets per unit (the plan’s own, or one of a provincial plan’s districts) and year, of a kind: certified products added (by star level; none: 3★ and above), certified products valid at the year’s end, the share of craft villages with an OCOP product, potential 5★ forwarded to the central council, sales points opened, classes held, people trained; a minimum (value) or a range (value to valueMax). A target set again replaces the one before. Audited.',
  ],
  PlansController_importTargets: [
    "Import a plan's district targets",
    'The district table of a provincial plan as CSV (no,district,target_3_star,target_4_star,target_5_star,target_total), districts matched by name against the administrative units; a bad line refuses the whole table, naming the line.',
  ],
  PlansController_createTask: [
    'Add a task to a plan',
    'What is to be done, the unit that leads it and those that coordinate, and its deadline as a day or a quarter (within the plan’s period). Audited.',
  ],
  PlansController_tasks: [
    "List a plan's tasks",
    'Its tasks by deadline, each with its status, note, evidence, and whether it is overdue as of X-As-Of.',
  ],
  PlanTasksController_update: [
    "Change a task's status",
    'NOT_STARTED, IN_PROGRESS, DONE or CANCELLED, with a note; a done or cancelled task does not change any more (409 TASK_CLOSED). Audited.',
  ],
  PlanTasksController_evidence: [
    'Record evidence for a task',
    'A report or decision that proves what was done (its text and reference). Audited.',
  ],
  PlansController_rollup: [
    "Roll a provincial plan's district plans up",
    'For each district, kind, star level and year: the provincial plan’s target for the district beside the sum of the district’s own plans’ targets, what was achieved as of X-As-Of by the provincial plan’s rule, and whether the districts set less than the province asks.',
  ],
  PlansController_progress: [
    "Get a plan's progress",
    'Each target with the certificates counted for it as of X-As-Of: issued in its year, in its unit (a ministry’s 5★ in the producer’s district), of its star level, by the plan’s counting rule; with those still valid.',
  ],
  SupportPoliciesController_create: [
    'Enter a support policy',
    'A policy as its resolution states it: REWARD pays per certificate by star level (by its counting rule), SUPPORT pays per item applied for, up to a most per item, with the producer’s share. A REWARD policy makes one reward due at once for each certificate it already pays for. Audited.',
  ],
  SupportPoliciesController_list: ['List support policies', 'The policies of the caller’s province, newest first; filter by kind.'],
  SupportPoliciesController_get: ['Get a support policy', 'A policy with its amounts and what it pays for.'],
  RewardsController_list: [
    'List rewards',
    'Rewards due, paid or stopped: the office its province’s, a district officer its district’s, a producer its own; filter by policy and status.',
  ],
  RewardsController_pay: [
    'Record a reward’s payment',
    'Once per reward: the same reference again returns it; another payment is refused (409 REWARD_ALREADY_PAID), and so is a reward stopped because its certificate was revoked first (409 REWARD_STOPPED). Audited.',
  ],
  ReportsController_setSettings: [
    "Set a province's report settings",
    'The days the annual reports are due before (MM-DD: the districts’, and the province’s own if kept here), to whom each goes, and how many days before a unit that has not reported is reminded, once. Audited.',
  ],
  ReportsController_settings: ["Get a province's report settings", 'Due days, recipients and reminder days.'],
  ReportsController_submit: [
    'Submit a report',
    'DISTRICT_ANNUAL (the district officer for its district, or the office), PROVINCE_ANNUAL (the office), once per unit and year; AD_HOC on any period (from, to). Figures counted as of X-As-Of and frozen in the report: certificates of the period by star level, the plans’ targets with what was achieved, rewards. An annual report gets its due day and recipient from the settings, is late when submitted on or after it, and is announced (programme.report-submitted.v1). Audited.',
  ],
  ReportsController_list: [
    'List reports',
    'Newest first: a district officer its district’s, the office its province’s; filter by year and kind.',
  ],
  ReportsController_get: ['Get a report', 'A report with its frozen figures.'],
  ReportsController_acknowledge: [
    'Acknowledge a report',
    'The recipient acknowledges an annual report once: the office a district’s, a national admin the province’s; an ad-hoc report is addressed to no one (422). Audited.',
  ],
  ReportsController_pdf: [
    'Download a report as PDF',
    'In Vietnamese, with its tables and a chart of progress against targets, from the frozen figures.',
  ],
  ReportsController_xlsx: [
    'Download a report as XLSX',
    'The same frozen figures as a workbook of number cells (sheets Tổng hợp and Chỉ tiêu).',
  ],
  ReportsController_indicators: [
    "Get a unit's indicators",
    'A year at a glance as of X-As-Of, from the programme’s copies of the other services’ events: certificates issued, valid and revoked; products per set and how many are certified; evaluations, those without a certificate and those forwarded to the central council; inspections and violations; sales points, trade-promotion events, classes held, people trained. A district officer sees its district.',
  ],
  ReportsController_nationalExport: [
    'Export to the national database',
    'The province’s certificates (as of X-As-Of), products, or a year’s submitted annual figures, as JSON in the format of docs/national-export.schema.json or as CSV with the same columns; since=YYYY-MM-DD exports only what changed from that day.',
  ],
  ReportsController_run: [
    'Run a programme job now (admin)',
    'report-reminders: reminds, once each, the units that have not submitted their annual report within the reminder days before its due day; outside production as of asOf.',
  ],
  CraftVillagesController_create: [
    'Register a craft village',
    'A recognised craft village (làng nghề) of a district: its name (unique in the district), whether it is traditional, its trades and its recognition. Audited.',
  ],
  CraftVillagesController_list: [
    'List craft villages',
    'The register (a district officer: its district’s), each with its products and whether one holds a valid OCOP certificate as of X-As-Of.',
  ],
  CraftVillagesController_setProducts: [
    "Set a craft village's products",
    'The registered products made in the village (of producers of its province; an unknown one is 400 naming it). What a craft-village share target counts. Audited.',
  ],
  FundingController_apply: [
    'Apply for support',
    'A producer applies for an item a SUPPORT policy in force pays for, with its cost; the support is computed from the policy (the cost less the producer’s share, at most the item’s most). Audited.',
  ],
  FundingController_applications: [
    'List support applications',
    'A producer its own, a district officer its district’s, the office its province’s; filter by status.',
  ],
  FundingController_decide: [
    'Decide a support application',
    'The office approves (the support as computed) or rejects with a reason, once (409 APPLICATION_DECIDED). Audited.',
  ],
  FundingController_pay: [
    "Record a support application's payment",
    'Once, for an approved application: the same reference again returns it, another is refused (409 APPLICATION_ALREADY_PAID). Audited.',
  ],
  FundingController_fundingOf: [
    'Get the funding of a year',
    'Per funding source, as of X-As-Of: rewards made due (not stopped) and paid, support approved and paid, disbursed, settled.',
  ],
  FundingController_settle: [
    'Record a settlement',
    'A settlement (quyết toán) of a funding source’s year, at most what was disbursed and not settled yet (422 SETTLEMENT_EXCEEDS_DISBURSED). Audited.',
  ],
  FundingController_setNorms: [
    "Set a year's budget norms",
    'The cost of one training class and of one trade-promotion event (the province’s norms, with their reference and funding source) that the budget estimate prices the planned ones with. Audited.',
  ],
  FundingController_estimate: [
    "Get a year's budget estimate",
    'Dự toán: rewards expected from the provincial plans’ targets priced by the REWARD policies in force, the classes and events planned priced by the norms, the support approved and not paid; with the total.',
  ],
  NationalHubController_figures: [
    "Get the provinces' annual figures (national hub)",
    'In national-hub mode, for a national admin: the annual reports’ frozen figures each province shared over the leaf nodes; filter by year and province.',
  ],
  NationalHubController_forwarded: [
    'List the dossiers the provinces forwarded (national hub)',
    'In national-hub mode, for a national admin: the potential 5★ dossiers each province forwarded to the central council, as they arrived over the leaf nodes.',
  ],
  EvaluationsController_gap: [
    'Get the gap to the next star',
    'For a scored dossier: the points the members’ mean lacks for the next band’s border, the mandatory criteria at or below the next level it fails, and each criterion’s room to grow (the most first) — the roadmap for the hard criteria of potential 4★/5★ products. Visible to whoever reads the evaluation (its producer, commune, district, the offices); 422 EVALUATION_NOT_SCORED before the result.',
  ],
  EvaluationsController_handSamples: [
    'Record samples handed to the central council',
    'For a dossier the province’s council forwarded to the central council: the product samples sent with it (what, how many), handed by whom and how, as of X-As-Of; 409 EVALUATION_NOT_FORWARDED_TO_MINISTRY otherwise. Audited.',
  ],
  EvaluationsController_samples: [
    "List a forwarded dossier's samples",
    'The shipments of samples, read through the province’s evaluation or the central one it became, with their receipt.',
  ],
  MinistrySamplesController_receive: [
    'Record the receipt of samples',
    'The ministry’s side (a national admin, or a member of a central council) records who received the samples and when, once (409 SAMPLES_ALREADY_RECEIVED). Audited.',
  ],
  SessionsController_submitAdvisory: [
    "Record the advisory team's pre-score",
    'An advisor of the council (tổ giúp việc) records, or corrects while the session is open, its sheet for a dossier on the agenda: input for the members, kept apart from the score sheets so it never counts in the mean, the quorum or the spread. Audited.',
  ],
  SessionsController_advisorySheets: [
    'List the advisory pre-scores',
    'The advisory team’s sheets of the session (of one dossier), for the council’s members and the organisers.',
  ],
  EvaluationPlansController_set: [
    "Set the district's evaluation plan for a year",
    'A district officer sends the province its council’s planned sessions month by month, the dossiers expected and the experts needed from each department; set again, it replaces the plan and keeps the assignments. Audited.',
  ],
  EvaluationPlansController_list: [
    'List districts’ evaluation plans',
    'The province’s office and departments see every district’s plan, a district officer its own: sessions, expected dossiers, and per month and department the experts needed, assigned and missing.',
  ],
  EvaluationPlanAssignmentsController_assign: [
    "Assign an expert to a district's session",
    'A department’s officer assigns one of its experts to a planned month that asks for its experts; more than asked is refused (409 EXPERTS_ENOUGH), the same person again changes nothing. Audited.',
  ],
  NominationsController_create: [
    "Nominate an agency's expert for a council seat",
    "An agency officer nominates one of its experts (a council-member account of the unit's province) for a seat on a unit's council of its province; one live nomination per unit and user (409 NOMINATION_EXISTS); audited (scoring.member-nominated.v1).",
  ],
  NominationsController_list: [
    'List nominations',
    "An agency officer: its agency's nominations; an office: those for its units; filter by tier, unit and status.",
  ],
  NominationsController_accept: [
    'Accept a nomination',
    "The unit's office accepts a pending nomination; the nominee is seated (SEATED) when the office sets up a council of the unit with them. Audited (scoring.nomination-decided.v1).",
  ],
  NominationsController_reject: [
    'Reject a nomination',
    "The unit's office rejects a pending nomination with a reason. Audited (scoring.nomination-decided.v1).",
  ],
  DossiersController_timeline: ["Get a dossier's timeline", 'Every event that touched the dossier, from any service, with actor and time.'],
  DossiersController_upload: [
    'Upload a dossier document',
    'One document (PDF, JPEG or PNG) as multipart/form-data: field `type` first (GET /api/reference/document-types), then `file`.',
  ],
  DossiersController_submit: [
    'Submit a dossier',
    'The producer or commune submits the dossier; it must hold every document its kind requires. The first submission stamps the legal version.',
  ],
  DossiersController_returnForCompletion: [
    'Return a dossier for completion',
    'Commune intake: the dossier goes back to the producer with reasons, per document where they apply.',
  ],
  DossiersController_accept: ['Accept a dossier', 'Commune intake: the format check passes.'],
  DossiersController_propose: [
    'Propose a dossier to the next tier',
    "Commune intake: the accepted dossier goes to the district or the province, as its legal version says, with the commune's assessment where required and the round open at the as-of date.",
  ],
  DossiersController_withdraw: [
    'Withdraw a dossier',
    'The producer (its own dossier) or the commune withdraws a dossier not yet proposed, with a reason; audited, on the timeline (registration.dossier-withdrawn.v1).',
  ],
  ReevaluationInvitationsController_list: [
    'List re-evaluation invitations',
    "Invitations to file a re-evaluation dossier, opened by a certificate's first expiry notice. A producer sees its own; officers those of their unit.",
  ],

  CataloguesController_list: [
    'List criteria catalogues',
    'The criteria catalogues by legal version, with their revision and whether they are provisional.',
  ],
  CataloguesController_get: [
    'Get a criteria catalogue',
    'The current revision of a catalogue (or, with ?revision=, the one a session pinned): parts, groups, criteria and options per product set, and what is left to complete.',
  ],
  CataloguesController_put: [
    'Replace a criteria catalogue',
    'An admin stores a new revision of a catalogue; sessions keep the revision they pinned.',
  ],
  CataloguesController_tierModels: [
    'List tier models',
    'The evaluation tiers of each legal version by effective date, with who certifies which stars and where each forwards.',
  ],
  CouncilsController_create: [
    'Create a council',
    'A council (Hội đồng đánh giá, phân hạng) of a tier and unit, with chair, secretary, members, advisory team and quorum.',
  ],
  CouncilsController_list: [
    'List councils',
    "Councils of the caller's units and those it sits on, newest first; filter by tier and unit, paged with limit/offset.",
  ],
  CouncilsController_get: ['Get a council', 'One council with its members and their declared conflicts of interest.'],
  CouncilsController_declareConflict: [
    'Declare a conflict of interest',
    'A member is linked to a producer and may not score its dossiers.',
  ],
  EvaluationsController_list: [
    'List evaluations',
    'Dossiers to be evaluated at a tier and unit; AWAITING_SESSION lists the candidates for an agenda. Paged with limit/offset.',
  ],
  EvaluationsController_get: ['Get an evaluation', 'One evaluation with its lab state, result and last deferral.'],
  EvaluationsController_setLabResult: [
    'Set the lab result (override)',
    'The standing office records the lab gate of a province-tier evaluation by hand, overriding the lab workflow.',
  ],
  SessionsController_create: [
    'Schedule a session',
    'A council session with title, place and time: a meeting, or (mode WRITTEN, with sheetsDueAt) a written consultation on re-evaluation dossiers, scored without meeting by the sheets members send by the deadline.',
  ],
  SessionsController_list: [
    'List sessions',
    'Sessions of the councils the caller may read, newest first; filter by council and status, paged with limit/offset.',
  ],
  SessionsController_get: ['Get a session', 'One session with its agenda, attendance and quorum.'],
  SessionsController_addAgenda: [
    'Add evaluations to the agenda',
    "Evaluations awaiting a session at the council's tier and unit join the session's agenda.",
  ],
  SessionsController_attendance: [
    'Record attendance',
    'Who is present (replaces the list). Members marked absent keep their sheets, which no longer count. A written consultation has no attendance (409 SESSION_WRITTEN_NO_ATTENDANCE).',
  ],
  SessionsController_submitSheet: [
    'Submit a score sheet',
    'A present member scores one dossier of the agenda against its criteria tree; correctable until the session closes. In a written consultation every scoring member does, until its deadline (409 SESSION_SHEETS_DUE_PASSED after it).',
  ],
  SessionsController_sheets: ['List score sheets', 'The submitted sheets of a session, optionally of one evaluation.'],
  ScoringJobsController_run: [
    'Run a scoring job now',
    "Runs a scoring job now (admin), outside production with an explicit as-of instant. district-transfer: from 01/07/2025 every dossier still waiting at a district moves to its province's waiting list, in place. written-consultation-reminders: the sweep of written consultations, reminding each member with sheets missing once before the deadline and escalating to the chair and the organiser once after it.",
  ],
  SessionsController_close: [
    'Close a session',
    'The secretary closes the session: mean, band, cap by mandatory criteria, spread rule, lab gate and routing per dossier; returns the minutes. A written consultation closes after its deadline, or before it once every sheet owed has arrived; each dossier is scored on the sheets received when they meet the quorum, else deferred.',
  ],
  SessionsController_minutes: ['Get the minutes', 'The minutes (biên bản) of a closed session as JSON.'],
  SessionsController_minutesPdf: ['Download the minutes', 'The minutes of a closed session as a Vietnamese PDF.'],

  CertificatesController_list: [
    'List certificates',
    'Certificates the caller may see, newest first; filter by status, product, producer, tier, issuing authority, stars and year of issue. Paged with limit/offset.',
  ],
  CertificatesController_get: ['Get a certificate', 'One certificate with its live status and verification URL.'],
  CertificatesController_pdf: ['Download a certificate', 'The certificate (giấy chứng nhận) in Vietnamese, with its QR code, as a PDF.'],
  CertificatesController_decisions: [
    'List decisions',
    'Issue and revocation decisions the caller may see, newest first; paged with limit/offset.',
  ],
  CertificatesController_decision: ['Get a decision', 'One decision (quyết định) with its authority, reference and date.'],
  CertificatesController_decisionPdf: ['Download a decision', 'The decision as a Vietnamese PDF.'],
  CertificatesController_notifications: [
    'List notifications',
    'Messages sent to producers about their certificates (the message outbox); paged with limit/offset.',
  ],
  RevocationsController_request: [
    'Request a revocation',
    'A revocation request from the standing office, a district office or an inspector, with a reason code.',
  ],
  RevocationsController_list: [
    'List revocations',
    'Revocation requests and decisions the caller may see, newest first; filter by status and certificate, paged with limit/offset.',
  ],
  RevocationsController_get: ['Get a revocation', 'One revocation with its request, decision and follow-up.'],
  RevocationsController_decide: [
    'Decide a revocation',
    'The issuing authority decides: a revocation decision citing the original one; the certificate is REVOKED for good and the follow-up starts.',
  ],
  RevocationsController_reject: ['Reject a revocation request', 'The issuing authority rejects the request, with a reason.'],
  RevocationsController_confirmReturn: [
    "Confirm the certificate's return",
    'The certificate came back and the OCOP mark is off the packaging; the follow-up ends.',
  ],
  CertificationJobsController_run: [
    'Run a certification job now',
    'Runs the expiry sweep, the revocation follow-ups or the notification dispatch now (admin); outside production with an explicit as-of instant.',
  ],

  LabsController_register: ['Register a lab', 'An accredited lab with its indicators, turnaround and contacts (standing office).'],
  LabsController_list: ['List labs', 'The lab register; a lab user sees its own lab.'],
  LabsController_credential: [
    'Issue a lab credential',
    "A credential for the lab's own service to send results on its NATS subject (admin; the token is shown once).",
  ],
  LabCredentialsController_revoke: [
    'Revoke a lab credential',
    "The lab service's credential is revoked (admin): its NATS messages are refused from now on.",
  ],
  SamplesController_request: [
    'Request a sample',
    'A sample for a province-tier evaluation or an inspection task, sent to a lab; indicators default by product set (GET /api/reference/product-sets).',
  ],
  SamplesController_list: [
    'List samples',
    'Samples the caller may see: the office its province, a lab what was sent to it, a producer its own. Paged with limit/offset.',
  ],
  SamplesController_get: ['Get a sample', 'One sample with its stage, due time and result.'],
  SamplesController_collect: ["Record a sample's collection", 'The office collected the sample from the producer.'],
  SamplesController_dispatch: [
    "Record a sample's dispatch",
    "The office sent the sample to the lab; the lab's turnaround starts counting on delivery.",
  ],
  SamplesController_receive: ["Confirm a sample's receipt", 'The lab confirms it has the sample.'],
  SamplesController_cancel: ['Cancel a sample', 'The office cancels an open sample, with a reason.'],
  SamplesController_result: [
    'Record a lab result',
    "The lab's result (phiếu kết quả kiểm nghiệm): per indicator and overall. The same result again changes nothing; a different one is refused.",
  ],
  InspectionJobsController_run: [
    'Run an inspection job now',
    'Runs the sample or violation follow-up sweep now (admin); outside production with an explicit as-of instant.',
  ],
  CampaignsController_create: [
    'Plan an inspection campaign',
    'A campaign (hậu kiểm) with legal basis, period, scope, selection rule, checklist and team (standing office).',
  ],
  CampaignsController_list: ['List inspection campaigns', "The campaigns of the caller's province."],
  CampaignsController_get: ['Get an inspection campaign', 'One campaign with its scope, rule and status.'],
  CampaignsController_select: [
    "Select a campaign's certificates",
    "Selects the certificates by the campaign's rule and creates the tasks, assigned round-robin to its inspectors.",
  ],
  CampaignsController_tasks: [
    'List inspection tasks',
    "An inspector's assigned tasks; the office's and agencies' view of the province. Filter by campaign, certificate and status, paged with limit/offset.",
  ],
  CampaignsController_assign: ['Assign an inspection task', 'The office assigns an open task to an inspector.'],
  CampaignsController_evidence: [
    'Upload inspection evidence',
    'A photo or document (PDF, JPEG, PNG) for a task as multipart/form-data field `file`; findings cite its storageKey.',
  ],
  CampaignsController_complete: [
    'Complete an inspection task',
    'The assigned inspector records one finding per checklist item; minor and major ones get corrective deadlines, a critical one a revocation request. Returns the task and the violations it raised.',
  ],
  CampaignsController_violations: [
    'List violations',
    "Violations found by inspections in the caller's province; filter by certificate, status and corrective deadline, paged with limit/offset.",
  ],
  CampaignsController_correct: ['Record a correction', 'The follow-up inspection found the violation corrected.'],
  CampaignsController_createRecurrence: [
    'Create a recurring campaign',
    'A recurring campaign (e.g. quarterly, Q3–Q4): a BullMQ job scheduler creates and selects one campaign per period.',
  ],
  CampaignsController_recurrences: ['List recurring campaigns', "The recurring campaigns of the caller's province."],
  CampaignsController_runRecurrence: [
    'Run a recurring campaign now',
    'Its campaign for the period starting on the as-of day, created and selected once (admin).',
  ],
  CampaignsController_coverage: [
    'Inspection coverage',
    'Active certificates not inspected during their validity so far, or within `withinMonths`.',
  ],

  PromotionEventsController_create: [
    'Plan a trade-promotion event',
    'An organiser (the standing office, or an agency the province names) plans a fair, exhibition, OCOP week, livestream session, ...: organiser, place or channel, dates, capacity, application window, support and the categories it accepts.',
  ],
  PromotionEventsController_series: [
    'Plan a recurring series',
    'One rule makes every event of a series (six livestreams, one every two months): the same Vietnam time each time, each with its own application window.',
  ],
  PromotionEventsController_list: [
    'List trade-promotion events',
    "The events of the caller's province, soonest first; by kind, series or status, paged with limit/offset.",
  ],
  PromotionEventsController_get: ['Get a trade-promotion event', 'One event with how many hold a slot and how many wait.'],
  PromotionEventsController_select: [
    'Select participants',
    "Once applications close: fills the slots by the event's fairness rule (fewest slots this year first, then stars, then a seeded draw), with the reasons; the rest wait in order. The same seed again answers the same selection.",
  ],
  PromotionEventsController_apply: [
    'Apply to an event',
    'A producer (or its commune or district office) applies with the products it would show. OCOP products need a valid 3★–5★ certificate; other categories only where the event accepts them.',
  ],
  PromotionApplicationsController_list: [
    'List applications',
    "An organiser's province, an office's producers, a producer's own; by event, producer or status, paged with limit/offset.",
  ],
  PromotionApplicationsController_withdraw: [
    'Withdraw an application',
    'Before the event begins; a slot it held goes to the first on the waiting list.',
  ],
  PromotionApplicationsController_confirm: ['Confirm participation', 'A selected producer (or its office) confirms it will take part.'],
  PromotionApplicationsController_messages: [
    'List my trade-promotion messages',
    "Messages to the caller: to an organiser, a product that left one of its events because its certificate ended; to a sales point's operator, a product that left its shelf, or its operating obligation coming to an end.",
  ],
  PublicTradePromotionController_upcoming: [
    'Upcoming trade-promotion events (no login)',
    'Events not yet begun, soonest first, with the producers taking part and their OCOP products (stars and the verification page of each certificate).',
  ],
  PublicTradePromotionController_salesPoints: [
    'OCOP sales points (no login)',
    "The province's sales points, where they are, and the OCOP products on their shelves with each certificate's verification page.",
  ],
  SalesPointsController_register: [
    'Register a sales point',
    'An OCOP introduction and sales point under 950/QĐ-BCT: location type, level, operator, address and map position, opening, funding and support (which starts the operating obligation), an upgrade of an existing point, and the selection criteria applied.',
  ],
  SalesPointsController_list: [
    'List sales points',
    "The sales points of the caller's province with their shelves; by level or location type, paged with limit/offset.",
  ],
  SalesPointsController_get: ['Get a sales point', 'One sales point with its shelf, its obligation and its criteria.'],
  SalesPointsController_shelve: [
    'Put a product on the shelf',
    "The point's operator (or an organiser) adds a product of the province: OCOP only with a valid 3★–5★ certificate, or another category 950/QĐ-BCT allows, labelled.",
  ],
  SalesPointsController_unshelve: ['Take a product off the shelf', "The point's operator (or an organiser) removes a product."],
  SalesChannelsController_declare: [
    'Declare a sales channel',
    'A producer (or its commune or district office) says where it sells: modern retail, an e-commerce platform (with its shop address) or export, since when.',
  ],
  SalesChannelsController_list: [
    'List sales channels',
    "Channels in the caller's scope, newest first; by producer, kind or status, paged with limit/offset.",
  ],
  SalesChannelsController_summary: [
    'Sales channel figures',
    "The province's producers with a valid OCOP certificate, and how many sell through each kind of checked, current channel (the plans' modern-retail and e-commerce targets).",
  ],
  SalesChannelsController_check: [
    'Check a sales channel',
    'The office records whether a declared channel is real and current; only checked channels count and are shown.',
  ],
  SalesChannelsController_end: ['End a sales channel', 'The producer (or its office) says it no longer sells there.'],
  PromotionApplicationsController_report: [
    "Report a participant's results",
    'After the event has begun: sales, contracts with their values (a stated total must equal their sum), and for a livestream viewers and orders. A later report replaces the earlier one.',
  ],
  PromotionApplicationsController_results: ["Get an event's results", "Each participant's report and the event's totals."],
  ShowcaseController_json: [
    "The province's OCOP products (no login)",
    'The products certified now, by district, product group and stars: each with its verification page, the sales points that carry it, its checked shops and the coming events where it is shown. Cached and dropped on every trade-promotion event.',
  ],
  ShowcaseController_page: ['The catalogue page (no login)', 'The same catalogue as a page in Vietnamese, paged.'],
  TradePromotionJobsController_run: [
    'Run a trade-promotion job',
    "Admin: the sales points' obligation reminders now (each milestone once), outside production with an explicit as-of instant.",
  ],

  TrainingController_createCourse: [
    'Create a training course',
    'The standing office defines a course for a target group (council members, officials, consultants, 3★+ or potential producers, trainers, workers): topics and duration.',
  ],
  TrainingController_courses: ['List training courses', "The courses of the caller's province; by target group, paged with limit/offset."],
  TrainingController_attachMaterial: [
    'Add a course material',
    'The standing office uploads a material (PDF, JPEG or PNG) as multipart/form-data, field `type` (its title) then `file`; the same title makes a new version.',
  ],
  TrainingController_material: ['Download a course material', 'One version of a material of a course of the caller’s province.'],
  TrainingController_createClass: [
    'Plan a class',
    "A class of a course: dates, place or online, a study tour's destination, capacity, organiser, co-organising programme, funding, plan and the share of days that completes it. A district office plans its district's.",
  ],
  TrainingController_classes: [
    'List classes',
    "The classes of the caller's province, soonest first; by course or status, paged with limit/offset.",
  ],
  TrainingController_getClass: ['Get a class', 'One class with how many hold a place and how many wait.'],
  TrainingController_transition: [
    'Move a class on',
    'open (enrolment), start, complete (each person completed or not by the days attended), or cancel before it runs.',
  ],
  TrainingController_enrol: [
    'Enrol a person',
    "A producer's manager or worker by name, an official by their office, a user as themselves. Beyond capacity the person waits in order; a class for 3★+ producers needs the producer's valid certificate.",
  ],
  TrainingController_attendance: [
    "Record a day's attendance",
    'The organiser records each enrolled person present, or absent with a reason, for one day of a running class.',
  ],
  TrainingController_enrolments: [
    'List enrolments',
    "A class's organisers see its enrolments (with the waiting list's order); others their own, their producer's, or those they made.",
  ],
  TrainingController_withdraw: [
    'Withdraw an enrolment',
    'Before the class completes; a place it held goes to the first on the waiting list.',
  ],
  TrainingController_certificatePdf: [
    'Get a completion certificate (PDF)',
    "The certificate of a person who completed a class, in Vietnamese, with the QR code of its public page (the person's readers and the class's organisers).",
  ],
  PublicTrainingController_json: [
    'Check a training completion certificate (no login)',
    'The person, course, class, organiser, dates and days attended of the certificate with this code; 404 when no certificate has it.',
  ],
  PublicTrainingController_page: [
    "A training certificate's page (no login)",
    'The same check as a page in Vietnamese: the target of the certificate’s QR code.',
  ],
  TrainingController_createPlan: [
    "Plan a unit's training year",
    "Per target group: classes and places planned, and the share of the unit's people to reach (100 % of officials). The standing office plans the province's, a district office its district's.",
  ],
  TrainingController_progress: [
    'Training progress and coverage',
    "A unit's year per target group: classes held against planned, places offered and filled, people trained, coverage of officials and council members against the platform's users, over-capacity and under-filled classes.",
  ],
  TrainingController_councilWarnings: [
    'Council members without council training',
    'Members seated on a council of the province before completing a council training class (TRAINING_COUNCIL_WARNINGS; a warning, never a block).',
  ],
  TrainingController_invitations: [
    'List training invitations',
    'Classes a producer was invited to by an event (a new 3★+ certificate): a producer its own, offices their province.',
  ],

  ReferenceController_documentTypes: [
    'List dossier document types',
    "The documents of a producer's dossier (148/QĐ-TTg Phụ lục II), with the dossier kinds that cannot be submitted without each one.",
  ],
  ReferenceController_productGroups: ['List product groups', 'The 6 product groups of 148/QĐ-TTg with the codes of their product sets.'],
  ReferenceController_productSets: [
    'List product sets',
    'The 26 product sets with their group, whether samples go with the dossier, and the lab indicators tested by default.',
  ],
  ReferenceController_labIndicators: [
    'List lab indicators',
    'The lab indicators the platform knows by name, with the product sets whose samples are tested for each by default. A lab may be accredited for other codes.',
  ],

  PublicComplaintsController_submit: [
    'Report a problem with a certified product (no login)',
    'Anyone sends what they saw about a product by its certificate’s verification code (from its public page or QR): what, where, when, and a contact that is never shown. 201 with a receipt code to follow it; the same complaint sent again within 30 days (same certificate, same words) answers 200 with the first receipt and writes nothing. A few an hour per client address (429 RATE_LIMITED); the hidden field `website` must stay empty. Audited.',
  ],
  PublicComplaintsController_status: [
    'Follow a complaint by its receipt code (no login)',
    'The status of the complaint with its history (received, confirmed or dismissed or duplicate, inspecting, resolved) and the outcome in Vietnamese; never the contact or the description.',
  ],
  PublicComplaintsController_photo: [
    'Add a photo to a complaint (no login)',
    'One JPEG or PNG (at most 5 MB, multipart field `file`) by the holder of the receipt, within a day of the complaint and before it is triaged; a second is 409 COMPLAINT_PHOTO_EXISTS. Audited.',
  ],
  ConsultantsController_create: [
    'Register a consultant',
    'The standing office registers a consulting firm or an individual consultant of its province (đội ngũ tư vấn): name, tax code or ID, phone, what it advises on. An admin then creates its account (role CONSULTANT, consultantId). Audited.',
  ],
  ConsultantsController_list: [
    'List consultants',
    'The consultants registered in the caller’s province, by name: producers pick theirs from this list.',
  ],
  ConsultantGrantsController_grant: [
    'Grant a consultant access to the producer’s dossiers',
    'The producer (its own account) grants a consultant of its province access; granting one in force again returns it. The consultant then sends X-On-Behalf-Of with the producer’s id and acts as the producer does on its dossiers, products, guidance and evaluations, and sees nothing else. Audited.',
  ],
  ConsultantGrantsController_list: [
    'List consultant grants',
    'A producer: its grants; a consultant: the producers that granted it access; the standing office: its province’s. Filter by active.',
  ],
  ConsultantGrantsController_revoke: [
    'Revoke a consultant’s access',
    'The producer revokes its grant, once; the consultant is refused (403 CONSULTANT_NOT_GRANTED) from its next request. Audited.',
  ],
  ComplaintPagesController_submit: [
    'Send the complaint form under a verification page (no login)',
    'The plain HTML form (form-urlencoded, no script) of the certificate’s public page: the same rules as POST /api/public/complaints; answers an HTML page in Vietnamese with the receipt code (201; 200 when the same complaint had been received), or the form again with the error beside its field (400).',
  ],
  ComplaintPagesController_status: [
    'The page of a complaint’s receipt (no login)',
    'HTML in Vietnamese: the complaint’s status, its history and the outcome; 404 for an unknown receipt code.',
  ],
  ComplaintsController_list: [
    'List public complaints',
    'The standing office and inspectors: their province’s complaints, newest first; a district officer: its district’s. Filter by status or certificate code.',
  ],
  ComplaintsController_get: [
    'Read a public complaint',
    'With the contact, the description and the photo’s description, for the officials of its unit.',
  ],
  ComplaintsController_photo: ['Download a complaint’s photo', 'The image sent with the complaint, for the officials of its unit.'],
  ComplaintsController_triage: [
    'Triage a public complaint',
    'The standing office of its province decides once: CONFIRMED announces it (registration.complaint-confirmed.v1) and inspection opens one ad-hoc campaign for the certificate, whose task’s outcome resolves the complaint; DISMISSED with the note the reporter reads; DUPLICATE of an earlier complaint about the same certificate. The same decision again changes nothing; another is 409 COMPLAINT_ALREADY_TRIAGED. Audited.',
  ],
  PublicVerificationController_page: [
    'Verification page',
    "The public page a QR code opens (Vietnamese HTML): the certificate's live status, product, producer, stars, validity and issuer. No login.",
  ],
  PublicVerificationController_json: [
    'Verify a certificate',
    'The certificate\'s live public record by verification code (and QR signature `s`); an unknown code or an altered QR is answered "not a valid OCOP certificate". No login.',
  ],
  PublicVerificationController_keys: [
    'Issuer keys',
    'The JSON Web Key Set of the certificate issuer (Ed25519, alg EdDSA), retired keys included, to check QR signatures offline. No login.',
  ],
  PublicVerificationController_statusList: [
    'Revocation status list',
    'The signed list of revoked certificates, for offline checks. No login.',
  ],
  AdminController_list: ['List dead letters', "Events a service's consumer gave up on, newest first (admin)."],
  AdminController_replay: [
    'Replay a dead letter',
    "Runs the dead letter's event through its consumer again, in-process, and marks it replayed (admin).",
  ],
};

/** Fills in what the decorators leave out: each operation's summary and description, 413 where a body is taken, and problem+json on every error response. */
export function completeOpenApi(doc: OpenAPIObject): OpenAPIObject {
  const problem = { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDoc) } } };
  for (const ops of Object.values(doc.paths)) {
    for (const op of Object.values(ops) as {
      operationId?: string;
      summary?: string;
      description?: string;
      responses?: Record<string, { description?: string; content?: unknown }>;
    }[]) {
      if (typeof op !== 'object' || !op?.responses) continue;
      const docs = op.operationId ? OPERATION_DOCS[op.operationId] : undefined;
      if (docs) [op.summary, op.description] = docs;
      // Every body is held to BODY_LIMIT_BYTES (uploads to UPLOAD_LIMIT_BYTES).
      if ((op as { requestBody?: unknown }).requestBody && !op.responses['413'])
        op.responses['413'] = { description: 'Body larger than the limit' };
      for (const [status, response] of Object.entries(op.responses))
        if (Number(status) >= 400 && !response.content) response.content = problem;
    }
  }
  return doc;
}
