import type { AgencyDossierView } from '@ocop/agency-sdk';
import { traceabilityOpinion } from './traceability-opinion';

const dossier = (types: string[]): AgencyDossierView => ({
  dossierId: '6b0c1f7e-7d55-4d8c-9a57-0f3e2c1d4b11',
  dossierCode: 'HS-2026-000042',
  status: 'PROPOSED',
  productName: 'Nước mắm cốt',
  productSetCode: '09',
  documents: types.map((type, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    type,
    fileName: `${type}.pdf`,
    contentType: 'application/pdf',
    size: 1000,
    sha256: 'a'.repeat(64),
    uploadedAt: '2026-03-01T00:00:00.000Z',
  })),
});

describe('traceabilityOpinion', () => {
  it('is favourable when the dossier holds both its traceability and its intellectual-property documents', () => {
    const o = traceabilityOpinion('SKHCN', dossier(['REGISTRATION_FORM', 'TRACEABILITY', 'INTELLECTUAL_PROPERTY']));
    expect(o).toMatchObject({ dossierId: dossier([]).dossierId, conclusion: 'FAVOURABLE', reference: 'SKHCN-TXNG-HS-2026-000042' });
  });

  it('is conditional on what is missing, naming it in Vietnamese', () => {
    const o = traceabilityOpinion('SKHCN', dossier(['TRACEABILITY']));
    expect(o.conclusion).toBe('CONDITIONAL');
    expect(o.text).toContain('sở hữu trí tuệ');
    expect(o.text).not.toContain('truy xuất nguồn gốc sản phẩm;');
    expect(traceabilityOpinion('SKHCN', dossier([])).text).toContain('truy xuất nguồn gốc sản phẩm; tài liệu về sở hữu trí tuệ');
  });
});
