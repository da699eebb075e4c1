/** Ids shared by the services' development demo data (never loaded in production). */
export const DEMO = {
  provinceCode: '38',
  districtCode: '380',
  communeCode: '14801',
  producerId: '3a1f2c00-0000-4000-8000-000000000001',
  productId: '3a1f2c00-0000-4000-8000-000000000002',
  consultantId: '3a1f2c00-0000-4000-8000-000000000003',
  password: 'ocop-demo-2026',
} as const;
