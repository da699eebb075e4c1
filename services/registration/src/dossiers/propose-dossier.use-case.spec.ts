import { AppError, Role, ScoringSubjects, type Actor, type ProposeDossierCommand } from '@ocop/contracts';
import { DossierKind, DossierStatus, Tier } from '@ocop/domain';
import type { RpcClient } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import type { RequestOpinions } from '../opinions/request-opinions';
import { ProposeDossierUseCase } from './propose-dossier.use-case';
import type { DossierEventType, DossierWorkflow, TransitionSpec } from './dossier.workflow';
import type { DossiersRepository } from './dossiers.repository';
import type { RoundsRepository } from '../rounds/rounds.repository';
import type { ProductsRepository } from '../products/products.repository';
import type { ProducersRepository } from '../producers/producers.repository';
import { Dossier } from './dossier.entity';
import { EvaluationRound } from '../rounds/round.entity';

const officer: Actor = {
  id: 'u-1',
  username: 'xa',
  role: Role.COMMUNE_OFFICER,
  scope: { provinceCode: '38', districtCode: '380', communeCode: '14801' },
};
const TX = {} as Tx;
const BEFORE_REFORM = new Date('2025-03-10T03:00:00Z');
const AFTER_REFORM = new Date('2025-08-10T03:00:00Z');
const ASSESSMENT = { entries: [{ criterionCode: 'A1', optionCode: 'A1.2' }] };

const dossier = (over: Partial<Dossier> = {}): Dossier =>
  Object.assign(new Dossier(), {
    id: 'd-1',
    code: 'HS-2025-000001',
    productId: 'p-1',
    producerId: 'pr-1',
    kind: DossierKind.NEW,
    status: DossierStatus.ACCEPTED_BY_COMMUNE,
    legalVersion: '148',
    cycleYear: 2025,
    provinceCode: '38',
    districtCode: '380',
    communeCode: '14801',
    filedAt: new Date('2025-02-01T03:00:00Z'),
    proposedTier: null,
    proposedToUnitCode: null,
    roundId: null,
    proposalReference: null,
    communeAssessment: null,
    returnReasons: [],
    ...over,
  });

const round = (over: Partial<EvaluationRound> = {}) =>
  Object.assign(new EvaluationRound(), {
    id: 'r-1',
    provinceCode: '38',
    cycleYear: 2025,
    number: 1,
    name: 'Đợt 1',
    opensOn: '2025-01-01',
    closesOn: '2025-12-31',
    ...over,
  });

/** The use case with its collaborators mocked; the workflow runs the transition's apply on the stored dossier. */
function setUp(stored: Dossier) {
  let spec: TransitionSpec<DossierEventType> | undefined;
  const workflow = {
    transition: jest.fn(async (_actor: Actor, _id: string, s: TransitionSpec<DossierEventType>) => {
      spec = s;
      const extra = await s.apply?.(stored, TX);
      return Object.assign(stored, { status: DossierStatus.PROPOSED, extra });
    }),
  };
  const dossiers = { get: jest.fn(async () => ({ ...stored })) };
  const rounds = { findOfProvince: jest.fn(async (): Promise<EvaluationRound | null> => null), openOn: jest.fn(async () => round()) };
  const products = { find: jest.fn(async () => ({ id: 'p-1', name: 'Mật ong', productSetCode: '04' })) };
  const producers = { get: jest.fn(async () => ({ id: 'pr-1', name: 'HTX Đông Thanh' })) };
  const rpc = { request: jest.fn(async () => ({})) };
  const opinions = { rulesFor: jest.fn(async () => []), request: jest.fn(async () => undefined) };
  const useCase = new ProposeDossierUseCase(
    workflow as unknown as DossierWorkflow,
    dossiers as unknown as DossiersRepository,
    rounds as unknown as RoundsRepository,
    products as unknown as ProductsRepository,
    producers as unknown as ProducersRepository,
    rpc as unknown as RpcClient,
    opinions as unknown as RequestOpinions,
  );
  return { useCase, workflow, dossiers, rounds, rpc, spec: () => spec, stored };
}

const cmd = (over: Partial<ProposeDossierCommand> = {}): ProposeDossierCommand => ({ dossierId: 'd-1', ...over }) as ProposeDossierCommand;

describe('ProposeDossierUseCase', () => {
  it('is 404 when the dossier is not in the scope, before anything else', async () => {
    const t = setUp(dossier());
    t.dossiers.get.mockResolvedValueOnce(null as never);
    await expect(t.useCase.execute(officer, cmd(), BEFORE_REFORM)).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    expect(t.workflow.transition).not.toHaveBeenCalled();
  });

  it("proposes a 148 dossier to its district before 01/07/2025, in the province's open round", async () => {
    const t = setUp(dossier());
    const d = await t.useCase.execute(officer, cmd({ proposalReference: '125/UBND-NN' }), BEFORE_REFORM);
    expect(t.spec()).toMatchObject({ action: 'PROPOSE', event: 'registration.dossier-proposed.v1' });
    expect(d).toMatchObject({ proposedTier: Tier.DISTRICT, proposedToUnitCode: '380', roundId: 'r-1', proposalReference: '125/UBND-NN' });
    expect(t.rounds.openOn).toHaveBeenCalledWith('38', '2025-03-10', TX);
    expect(t.rpc.request).not.toHaveBeenCalled();
  });

  it('proposes a 148 dossier to the province from 01/07/2025, the district tier being gone', async () => {
    const t = setUp(dossier());
    expect(await t.useCase.execute(officer, cmd(), AFTER_REFORM)).toMatchObject({ proposedTier: Tier.PROVINCE, proposedToUnitCode: '38' });
  });

  it('refuses a district proposal for a dossier whose commune has no district', async () => {
    const t = setUp(dossier({ districtCode: null }));
    await expect(t.useCase.execute(officer, cmd(), BEFORE_REFORM)).rejects.toMatchObject({ code: 'DOSSIER_NO_DISTRICT' });
  });

  it("requires the commune's assessment under 148+1489 and has scoring check it before proposing to the province", async () => {
    const t = setUp(dossier({ legalVersion: '148+1489' }));
    await expect(t.useCase.execute(officer, cmd(), AFTER_REFORM)).rejects.toMatchObject({
      code: 'COMMUNE_ASSESSMENT_REQUIRED',
      field: 'communeAssessment',
    });
    expect(t.workflow.transition).not.toHaveBeenCalled();

    const d = await t.useCase.execute(officer, cmd({ communeAssessment: ASSESSMENT } as Partial<ProposeDossierCommand>), AFTER_REFORM);
    expect(t.rpc.request).toHaveBeenCalledWith(
      ScoringSubjects.catalogueCheckCommuneAssessment,
      { legalVersion: '148+1489', productSetCode: '04', entries: ASSESSMENT.entries },
      { actor: officer },
    );
    expect(d).toMatchObject({
      proposedTier: Tier.PROVINCE,
      proposedToUnitCode: '38',
      communeAssessment: { reportReference: null, entries: [{ criterionCode: 'A1', optionCode: 'A1.2' }] },
    });
  });

  it('does not propose when scoring refuses the assessment', async () => {
    const t = setUp(dossier({ legalVersion: '148+1489' }));
    t.rpc.request.mockRejectedValueOnce(AppError.validation('CRITERION_UNKNOWN', 'no such criterion', 'entries.0.criterionCode'));
    await expect(
      t.useCase.execute(officer, cmd({ communeAssessment: ASSESSMENT } as Partial<ProposeDossierCommand>), AFTER_REFORM),
    ).rejects.toMatchObject({ code: 'CRITERION_UNKNOWN' });
    expect(t.workflow.transition).not.toHaveBeenCalled();
  });

  it('refuses an assessment under a version without one', async () => {
    const t = setUp(dossier());
    await expect(
      t.useCase.execute(officer, cmd({ communeAssessment: ASSESSMENT } as Partial<ProposeDossierCommand>), BEFORE_REFORM),
    ).rejects.toMatchObject({ code: 'COMMUNE_ASSESSMENT_NOT_APPLICABLE' });
    expect(t.rpc.request).not.toHaveBeenCalled();
  });

  it("takes a named round only when it is the province's and open on the day", async () => {
    const t = setUp(dossier());
    await expect(t.useCase.execute(officer, cmd({ roundId: 'r-x' }), BEFORE_REFORM)).rejects.toMatchObject({ code: 'ROUND_UNKNOWN' });
    expect(t.rounds.findOfProvince).toHaveBeenCalledWith('38', 'r-x', TX);

    t.rounds.findOfProvince.mockResolvedValueOnce(round({ id: 'r-2', opensOn: '2025-04-01', closesOn: '2025-06-30' }));
    await expect(t.useCase.execute(officer, cmd({ roundId: 'r-2' }), BEFORE_REFORM)).rejects.toMatchObject({ code: 'ROUND_NOT_OPEN' });

    t.rounds.findOfProvince.mockResolvedValueOnce(round({ id: 'r-2', opensOn: '2025-03-10', closesOn: '2025-06-30' }));
    expect(await t.useCase.execute(officer, cmd({ roundId: 'r-2' }), BEFORE_REFORM)).toMatchObject({ roundId: 'r-2' });
    expect(t.rounds.openOn).not.toHaveBeenCalled();
  });
});
