import { Role, type Actor } from '@ocop/contracts';
import { writeActorAudit, writeAuditMany, type Tx } from '@ocop/persistence';
import type { DataSource } from 'typeorm';
import { ProductIdea } from './product-idea.entity';
import type { ProductIdeaList } from './product-idea-list.entity';
import type { ProductIdeasRepository } from './product-ideas.repository';
import { SendProductIdeaListUseCase } from './send-product-idea-list.use-case';

jest.mock('@ocop/persistence', () => ({ writeActorAudit: jest.fn(async () => undefined), writeAuditMany: jest.fn(async () => undefined) }));
const audit = { writeActorAudit: writeActorAudit as jest.Mock, writeAuditMany: writeAuditMany as jest.Mock };

const district: Actor = { id: 'u-380', username: 'huyen', role: Role.DISTRICT_OFFICER, scope: { provinceCode: '38', districtCode: '380' } };
const AS_OF = new Date('2025-03-01T02:00:00Z');

const idea = (id: string, status: ProductIdea['status']): ProductIdea =>
  Object.assign(new ProductIdea(), {
    id,
    status,
    provinceCode: '38',
    districtCode: '380',
    communeCode: '14801',
    year: 2025,
    listId: null,
    sentAt: null,
  });

function setUp(ideas: ProductIdea[], sent: ProductIdeaList | null = null) {
  const tx = {} as Tx;
  const ds = { transaction: jest.fn(async (run: (t: Tx) => Promise<unknown>) => run(tx)) };
  const repo = {
    lockDistrictYear: jest.fn(async () => undefined),
    sentList: jest.fn(async () => sent),
    ofDistrictYearForUpdate: jest.fn(async () => ideas),
    insertList: jest.fn(async () => undefined),
    save: jest.fn(async (_tx: Tx, i: ProductIdea) => i),
  };
  const useCase = new SendProductIdeaListUseCase(ds as unknown as DataSource, repo as unknown as ProductIdeasRepository);
  return { useCase, repo };
}

describe('SendProductIdeaListUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('sends every feasible idea of the district and year, leaves the not feasible ones, audits the list and each idea', async () => {
    const t = setUp([idea('a', 'FEASIBLE'), idea('b', 'NOT_FEASIBLE'), idea('c', 'FEASIBLE')]);
    const { list, ideas } = await t.useCase.execute(district, { year: 2025 }, AS_OF);
    expect(list).toMatchObject({ provinceCode: '38', districtCode: '380', year: 2025, sentAt: AS_OF, sentBy: 'u-380' });
    expect(ideas.map((i) => [i.id, i.status, i.listId, i.sentAt])).toEqual([
      ['a', 'SENT', list.id, AS_OF],
      ['c', 'SENT', list.id, AS_OF],
    ]);
    expect(t.repo.lockDistrictYear).toHaveBeenCalledWith(expect.anything(), '380', 2025);
    expect(t.repo.ofDistrictYearForUpdate).toHaveBeenCalledWith(expect.anything(), '38', '380', 2025);
    expect(t.repo.save).toHaveBeenCalledTimes(2);
    expect(audit.writeActorAudit).toHaveBeenCalledWith(
      expect.anything(),
      district,
      'product-idea-list.send',
      'product_idea_list',
      list.id,
      {
        districtCode: '380',
        year: 2025,
        ideaIds: ['a', 'c'],
      },
    );
    expect(audit.writeAuditMany.mock.calls[0][1].map((e: { entityId: string; action: string }) => [e.entityId, e.action])).toEqual([
      ['a', 'product-idea.send'],
      ['c', 'product-idea.send'],
    ]);
  });

  it('refuses while an idea is not assessed, naming it, and changes nothing', async () => {
    const t = setUp([idea('a', 'FEASIBLE'), idea('b', 'SUBMITTED')]);
    await expect(t.useCase.execute(district, { year: 2025 }, AS_OF)).rejects.toMatchObject({
      code: 'IDEAS_NOT_ASSESSED',
      kind: 'CONFLICT',
      message: expect.stringContaining('b'),
    });
    expect(t.repo.insertList).not.toHaveBeenCalled();
    expect(t.repo.save).not.toHaveBeenCalled();
  });

  it('refuses a second list of the year and a list with nothing feasible', async () => {
    const again = setUp([idea('a', 'SENT')], { id: 'l-1' } as ProductIdeaList);
    await expect(again.useCase.execute(district, { year: 2025 }, AS_OF)).rejects.toMatchObject({
      code: 'IDEA_LIST_ALREADY_SENT',
      field: 'year',
    });
    expect(again.repo.ofDistrictYearForUpdate).not.toHaveBeenCalled();
    const empty = setUp([idea('b', 'NOT_FEASIBLE')]);
    await expect(empty.useCase.execute(district, { year: 2025 }, AS_OF)).rejects.toMatchObject({ code: 'IDEA_LIST_EMPTY', kind: 'RULE' });
    expect(empty.repo.insertList).not.toHaveBeenCalled();
  });
});
