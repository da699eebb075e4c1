import { Logger } from '@nestjs/common';
import { AgencyRequestError, type AgencyClient, type EventEnvelope, type OpinionRequestedData } from '@ocop/agency-sdk';
import { loadHealthAgencyConfig } from '../../config/health-agency.config';
import { FOOD_SAFETY_OPINION_TEXT, GiveFoodSafetyOpinionUseCase, decideFoodSafetyOpinion } from './give-food-safety-opinion.use-case';

const data = (over: Partial<OpinionRequestedData> = {}): OpinionRequestedData => ({
  dossierId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  dossierCode: '38-2026-0042',
  productId: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427',
  producerId: '6fa459ea-ee8a-4ca4-894e-db77e160355e',
  status: 'PROPOSED',
  communeCode: '16279',
  provinceCode: '38',
  opinionId: '9b2c8f6e-36b8-4d8e-9b8a-2c1f7d0e5a11',
  agencyCode: 'SYT',
  required: true,
  productGroup: 'FOOD',
  productSetCode: 'FOOD_PROCESSED',
  productName: 'Nem chua Thanh Hóa',
  dueAt: '2026-03-12T01:00:00.000Z',
  ...over,
});

const envelope = (d: OpinionRequestedData): EventEnvelope<OpinionRequestedData> => ({
  specversion: '1.0',
  id: 'a3bb189e-8bf9-4888-9912-ace4e6543002',
  source: 'ocop/registration',
  type: 'registration.opinion-requested.v1',
  time: '2026-03-02T01:00:00.000Z',
  datacontenttype: 'application/json',
  data: d,
  correlationid: 'corr-42',
});

const EXPECTED_COMMAND = {
  dossierId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  conclusion: 'FAVOURABLE',
  text: FOOD_SAFETY_OPINION_TEXT,
  reference: 'SYT-ATTP-38-2026-0042',
};

function useCase(env: NodeJS.ProcessEnv = {}) {
  const request = jest.fn().mockResolvedValue({ id: 'op-1', conclusion: 'FAVOURABLE', status: 'GIVEN' });
  const client = { request } as unknown as AgencyClient;
  return { request, useCase: new GiveFoodSafetyOpinionUseCase(loadHealthAgencyConfig({ LOG_LEVEL: 'silent', ...env }), client) };
}

beforeAll(() => Logger.overrideLogger(false));

describe('decideFoodSafetyOpinion', () => {
  it.each(['FOOD', 'BEVERAGES', 'HERBAL'])('answers a %s dossier asked of its own agency, favourably, with a stable reference', (group) => {
    expect(decideFoodSafetyOpinion(data({ productGroup: group }), 'SYT')).toEqual({ answer: true, command: EXPECTED_COMMAND });
  });

  it.each(['HANDICRAFTS', 'ORNAMENTAL', 'TOURISM'])('leaves a %s dossier alone', (group) => {
    expect(decideFoodSafetyOpinion(data({ productGroup: group }), 'SYT')).toMatchObject({ answer: false });
  });

  it("leaves another agency's request alone", () => {
    expect(decideFoodSafetyOpinion(data({ agencyCode: 'SKHCN' }), 'SYT')).toEqual({ answer: false, reason: 'asked of SKHCN' });
  });

  it('writes the opinion in Vietnamese with its diacritics, within the contract length', () => {
    expect(FOOD_SAFETY_OPINION_TEXT).toContain('Sở Y tế đã đối chiếu hồ sơ');
    expect(FOOD_SAFETY_OPINION_TEXT).toContain('Nghị định 15/2018/NĐ-CP');
    expect(FOOD_SAFETY_OPINION_TEXT.normalize('NFC')).toBe(FOOD_SAFETY_OPINION_TEXT);
    expect(FOOD_SAFETY_OPINION_TEXT.length).toBeGreaterThanOrEqual(3);
    expect(FOOD_SAFETY_OPINION_TEXT.length).toBeLessThanOrEqual(10_000);
  });
});

describe('GiveFoodSafetyOpinionUseCase', () => {
  it('sends opinion.give as of the event time outside production, with its correlation id', async () => {
    const { request, useCase: u } = useCase({ OCOP_MODE: 'development' });
    const d = data();
    expect(await u.execute(d, envelope(d))).toBe('given');
    expect(request).toHaveBeenCalledWith('opinion.give', EXPECTED_COMMAND, {
      asOf: '2026-03-02T01:00:00.000Z',
      asOfSource: 'event',
      correlationId: 'corr-42',
    });
  });

  it('sends no as-of in production', async () => {
    const { request, useCase: u } = useCase({ OCOP_MODE: 'production', NATS_CREDS_FILE: '/run/secrets/syt.creds' });
    const d = data();
    await u.execute(d, envelope(d));
    expect(request).toHaveBeenCalledWith('opinion.give', EXPECTED_COMMAND, { correlationId: 'corr-42' });
  });

  it('sends nothing for a request that is not its to answer', async () => {
    const { request, useCase: u } = useCase();
    const d = data({ productGroup: 'HANDICRAFTS' });
    expect(await u.execute(d, envelope(d))).toBe('ignored');
    const other = data({ agencyCode: 'SCT' });
    expect(await u.execute(other, envelope(other))).toBe('ignored');
    expect(request).not.toHaveBeenCalled();
  });

  it.each(['VALIDATION', 'RULE', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN'] as const)('does not retry a %s refusal', async (kind) => {
    const { request, useCase: u } = useCase();
    request.mockRejectedValue(new AgencyRequestError('opinion.give', { code: 'X', kind, message: 'no' }, true));
    const d = data();
    expect(await u.execute(d, envelope(d))).toBe('refused');
  });

  it.each([
    [
      'an UNAVAILABLE refusal',
      new AgencyRequestError('opinion.give', { code: 'REQUEST_TIMEOUT', kind: 'UNAVAILABLE', message: 'no reply' }, false),
    ],
    ['an INTERNAL error', new AgencyRequestError('opinion.give', { code: 'INTERNAL', kind: 'INTERNAL', message: 'boom' }, true)],
    ['a connection error', new Error('connection closed')],
  ])('throws %s so that the consumer retries it', async (_what, error) => {
    const { request, useCase: u } = useCase();
    request.mockRejectedValue(error);
    const d = data();
    await expect(u.execute(d, envelope(d))).rejects.toBe(error);
  });
});
