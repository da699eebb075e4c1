import fc from 'fast-check';
import { DOSSIER_DOCUMENT_TYPES, isDossierDocumentType, missingRequiredDocuments } from './dossier-documents';
import { DossierKind } from './dossier-status';

const K = DossierKind;
const codes = DOSSIER_DOCUMENT_TYPES.map((type) => type.code);

describe('dossier document checklist', () => {
  it('holds the agreed document types, with unique codes', () => {
    for (const code of [
      'REGISTRATION_FORM',
      'SELF_ASSESSMENT',
      'BUSINESS_PLAN',
      'BUSINESS_REGISTRATION',
      'FOOD_SAFETY_CERTIFICATE',
      'QUALITY_DECLARATION',
      'LAB_TEST_RESULT',
      'TRACEABILITY',
      'INTELLECTUAL_PROPERTY',
      'RAW_MATERIAL_ORIGIN',
      'CHAIN_LINKAGE_CONTRACT',
      'ENVIRONMENTAL_COMMITMENT',
      'PRODUCT_STORY',
      'PRODUCT_PHOTOS',
      'OTHER',
    ]) {
      expect(isDossierDocumentType(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(isDossierDocumentType('PASSPORT')).toBe(false);
  });

  it('names the registration form and self-assessment after Mẫu 01 and Mẫu 02', () => {
    const name = (code: string) => DOSSIER_DOCUMENT_TYPES.find((type) => type.code === code)?.nameVi;
    expect(name('REGISTRATION_FORM')).toBe('Phiếu đăng ký sản phẩm OCOP (Mẫu 01)');
    expect(name('SELF_ASSESSMENT')).toBe('Báo cáo tự đánh giá (Mẫu 02)');
    expect(name('LAB_TEST_RESULT')).toBe('Phiếu kết quả kiểm nghiệm');
  });

  it('flags only the lab test result as depending on samples', () => {
    expect(DOSSIER_DOCUMENT_TYPES.filter((type) => type.requiresSamples).map((type) => type.code)).toEqual(['LAB_TEST_RESULT']);
  });

  it('lists what each kind of dossier is missing, in checklist order', () => {
    expect(missingRequiredDocuments(K.NEW, [])).toEqual(['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_PLAN', 'BUSINESS_REGISTRATION']);
    expect(missingRequiredDocuments(K.UPGRADE, ['BUSINESS_REGISTRATION', 'REGISTRATION_FORM'])).toEqual([
      'SELF_ASSESSMENT',
      'BUSINESS_PLAN',
    ]);
    expect(missingRequiredDocuments(K.RE_EVALUATION, [])).toEqual(['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION']);
    expect(missingRequiredDocuments(K.RE_EVALUATION, ['REGISTRATION_FORM', 'SELF_ASSESSMENT', 'BUSINESS_REGISTRATION'])).toEqual([]);
  });

  it('ignores optional, unknown and duplicate codes in what is present', () => {
    expect(missingRequiredDocuments(K.NEW, ['LAB_TEST_RESULT', 'UNKNOWN', 'BUSINESS_PLAN', 'BUSINESS_PLAN'])).toEqual([
      'REGISTRATION_FORM',
      'SELF_ASSESSMENT',
      'BUSINESS_REGISTRATION',
    ]);
  });

  it('returns exactly the required codes absent from any present set (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(K)), fc.subarray([...codes, 'UNKNOWN']), (kind, present) => {
        const missing = missingRequiredDocuments(kind, present);
        const required = DOSSIER_DOCUMENT_TYPES.filter((type) => type.requiredFor.includes(kind)).map((t) => t.code);
        expect(missing).toEqual(required.filter((code) => !present.includes(code)));
        expect(missingRequiredDocuments(kind, [...present, ...missing])).toEqual([]);
      }),
    );
  });
});
