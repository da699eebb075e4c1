import * as contracts from '@ocop/contracts';
import { validateInto, validationPolicyViolations } from '@ocop/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsObject, IsString, Matches } from 'class-validator';
import * as userDtos from '../identity/user.dto';

/** Every class a request is validated into: the contracts (HTTP and NATS) and the gateway's own bodies. */
const classes = ([...Object.values(contracts), ...Object.values(userDtos)] as unknown[]).filter(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any class
  (v): v is Function => typeof v === 'function' && /^[A-Z]/.test(v.name),
);

describe('the validation policy', () => {
  it('holds for every contract class: strict types, real dates, bounded numbers, strings and lists, nested objects with their class', () => {
    const violations = validationPolicyViolations(classes, { freeForm: ['PutCatalogueCommand.document'] });
    expect(violations).toEqual([]);
  });

  it('finds the breaches it is meant to find (so the check above can fail)', () => {
    class Loose {
      @Type(() => Number) @IsInt() n: number;
      @IsString() s: string;
      @IsString({ each: true }) list: string[];
      @IsISO8601() at: string;
      @IsObject() bag: object;
      @Matches(/^\d{4}-\d{2}-\d{2}$/) day: string;
    }
    const v = validationPolicyViolations([Loose]);
    expect(v).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Loose\.n: @Type\(\(\) => Number\)/),
        expect.stringMatching(/^Loose\.n: a number needs a minimum and a maximum/),
        expect.stringMatching(/^Loose\.s: a string needs a maximum length/),
        expect.stringMatching(/^Loose\.list: a list must be/),
        expect.stringMatching(/^Loose\.at: use @IsInstant/),
        expect.stringMatching(/^Loose\.bag: a free-form object/),
        expect.stringMatching(/^Loose\.day: a date pattern accepts 30 February/),
      ]),
    );
  });

  it('refuses the coercions seen in the field: booleans as numbers, 30 February, arrays for objects, nested arrays for reasons, hex and huge query numbers', () => {
    const lab = { code: 'LAB09', name: 'Trung tâm Kiểm nghiệm', indicators: ['E_COLI'], turnaroundDays: 7, contactName: 'Lê Thị Hoa' };
    expect(() => validateInto(contracts.RegisterLabCommand, lab)).not.toThrow();
    expect(() => validateInto(contracts.RegisterLabCommand, { ...lab, turnaroundDays: true })).toThrow(
      expect.objectContaining({ field: 'turnaroundDays' }),
    );
    expect(() => validateInto(contracts.RegisterLabCommand, { ...lab, turnaroundDays: '7' })).toThrow(
      expect.objectContaining({ field: 'turnaroundDays' }),
    );
    expect(() => validateInto(contracts.RegisterLabCommand, { ...lab, indicators: 'E_COLI' })).toThrow(
      expect.objectContaining({ field: 'indicators' }),
    );
    const reasons = { dossierId: '7d0c3f56-0d5b-4d8e-9b62-4f1c2b7e1a10', reasons: [[]] };
    expect(() => validateInto(contracts.ReturnDossierCommand, reasons)).toThrow(expect.objectContaining({ field: 'reasons' }));
    const session = {
      councilId: '7d0c3f56-0d5b-4d8e-9b62-4f1c2b7e1a10',
      title: 'Phiên họp đánh giá',
      scheduledFor: '2026-02-28T08:00:00+07:00',
    };
    expect(() => validateInto(contracts.CreateSessionCommand, session)).not.toThrow();
    for (const scheduledFor of ['2026-02-30T00:00:00Z', '2026-02-28', '2026-02-28T08:00:00', '20260228T0800Z']) {
      expect(() => validateInto(contracts.CreateSessionCommand, { ...session, scheduledFor })).toThrow(
        expect.objectContaining({ field: 'scheduledFor' }),
      );
    }
    const campaign = {
      name: 'Hậu kiểm quý III',
      legalBasis: 'Kế hoạch số 45/KH-UBND',
      periodFrom: '2031-07-01T00:00:00Z',
      periodTo: '2031-09-30T00:00:00Z',
      scope: {},
      rule: { kind: 'ALL' },
      team: { inspectorUserIds: ['7d0c3f56-0d5b-4d8e-9b62-4f1c2b7e1a10'] },
    };
    expect(() => validateInto(contracts.CreateCampaignCommand, campaign)).not.toThrow();
    expect(() => validateInto(contracts.CreateCampaignCommand, { ...campaign, scope: [] })).toThrow(
      expect.objectContaining({ field: 'scope' }),
    );
    expect(() => validateInto(contracts.CreateCampaignCommand, { ...campaign, rule: [{ kind: 'ALL' }] })).toThrow(
      expect.objectContaining({ field: 'rule' }),
    );
    expect(() =>
      validateInto(contracts.ProposeDossierCommand, { dossierId: '7d0c3f56-0d5b-4d8e-9b62-4f1c2b7e1a10', communeAssessment: [] }),
    ).toThrow(expect.objectContaining({ field: 'communeAssessment' }));
    const template = { name: campaign.name, legalBasis: campaign.legalBasis, scope: {}, rule: { kind: 'ALL' }, team: campaign.team };
    const recurrence = { name: 'Hậu kiểm hằng quý', cron: '0 2 1 7,10 *', periodDays: 90, template };
    expect(() => validateInto(contracts.CreateRecurrenceCommand, recurrence)).not.toThrow();
    expect(() => validateInto(contracts.CreateRecurrenceCommand, { ...recurrence, template: { ...template, scope: undefined } })).toThrow(
      expect.objectContaining({ field: 'template.scope' }),
    );
    expect(() => validateInto(contracts.CreateCampaignCommand, { ...campaign, scope: undefined })).toThrow(
      expect.objectContaining({ field: 'scope' }),
    );
    expect(() =>
      validateInto(contracts.CreateCampaignCommand, {
        ...campaign,
        rule: { kind: 'RISK', share: 0.5, weights: { productGroup: { FOOD: 1, WINE: 2 } } },
      }),
    ).toThrow(expect.objectContaining({ field: 'rule.weights.productGroup.WINE' }));
    expect(() => validateInto(contracts.CreateCampaignCommand, { ...campaign, team: { inspectorUserIds: [], extra: 1 } })).toThrow(
      expect.objectContaining({ field: expect.stringMatching(/^team\./) }),
    );
    expect(() => validateInto(contracts.ListSamplesQuery, { offset: '99999999999999999999' })).toThrow(
      expect.objectContaining({ field: 'offset' }),
    );
    expect(() => validateInto(contracts.ListSamplesQuery, { limit: '0x10' })).toThrow(expect.objectContaining({ field: 'limit' }));
    expect(validateInto(contracts.ListSamplesQuery, { limit: '20' }).limit).toBe(20);
  });
});
