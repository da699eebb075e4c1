import { quarterEnd } from './plan-tasks.use-cases';

describe('quarterEnd', () => {
  it('is the last day of the quarter, leap years included', () => {
    expect(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1'].map(quarterEnd)).toEqual([
      '2024-03-31',
      '2024-06-30',
      '2024-09-30',
      '2024-12-31',
      '2025-03-31',
    ]);
  });
});
