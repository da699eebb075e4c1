import type { GuidanceRequestedData } from '@ocop/agency-sdk';
import { guidanceAnswer } from './guidance-answers';

const question = (over: Partial<GuidanceRequestedData> = {}): GuidanceRequestedData =>
  ({
    threadId: '9f1d2c3b-4a5e-4f60-8a7b-1c2d3e4f5a6b',
    dossierId: '6b0c1f7e-7d55-4d8c-9a57-0f3e2c1d4b11',
    dossierCode: 'HS-2026-000042',
    agencyCode: 'SKHCN',
    topic: 'TRACEABILITY',
    question: 'Cần tiêu chuẩn nào?',
    dueAt: '2026-03-08T00:00:00.000Z',
    ...over,
  }) as GuidanceRequestedData;

describe('guidanceAnswer', () => {
  it('answers a question on a topic of the Department with its standing guidance and a stable reference', () => {
    expect(guidanceAnswer(question(), 'SKHCN')).toEqual({
      text: expect.stringContaining('TCVN 12850:2019'),
      reference: 'SKHCN-HD-9f1d2c3b',
    });
    expect(guidanceAnswer(question({ topic: 'BARCODE' }), 'SKHCN')?.text).toContain('GS1');
  });

  it('leaves another topic to an officer, and another agency’s question alone', () => {
    expect(guidanceAnswer(question({ topic: 'ENVIRONMENT' }), 'SKHCN')).toBeUndefined();
    expect(guidanceAnswer(question({ agencyCode: 'SYT' }), 'SKHCN')).toBeUndefined();
  });
});
