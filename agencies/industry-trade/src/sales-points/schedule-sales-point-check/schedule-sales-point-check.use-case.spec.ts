import { Logger } from '@nestjs/common';
import type { EventEnvelope, SalesPointRegisteredData } from '@ocop/agency-sdk';
import { PendingSalesPointChecks } from '../pending-sales-point-checks';
import { ScheduleSalesPointCheckUseCase, salesPointCheckNote } from './schedule-sales-point-check.use-case';

const data = (over: Partial<SalesPointRegisteredData> = {}): SalesPointRegisteredData => ({
  salesPointId: '6fa459ea-ee8a-4ca4-894e-db77e160355e',
  provinceCode: '38',
  level: 'DISTRICT',
  locationType: 'RETAIL_CENTRE',
  districtCode: '380',
  openedOn: '2024-06-01',
  upgraded: false,
  ...over,
});

const envelope = (d: SalesPointRegisteredData, id = 'a3bb189e-8bf9-4888-9912-ace4e6543002'): EventEnvelope<SalesPointRegisteredData> => ({
  specversion: '1.0',
  id,
  source: 'ocop/trade-promotion',
  type: 'trade-promotion.sales-point-registered.v1',
  subject: d.salesPointId,
  time: '2024-06-03T02:00:00.000Z',
  datacontenttype: 'application/json',
  data: d,
  correlationid: 'corr-7',
});

beforeAll(() => Logger.overrideLogger(false));

describe('salesPointCheckNote', () => {
  it('says in Vietnamese, with its diacritics, that the check is scheduled under Decision 950/QĐ-BCT', () => {
    const note = salesPointCheckNote(data());
    expect(note).toBe(
      'Sở Công Thương ghi nhận điểm giới thiệu và bán sản phẩm OCOP 6fa459ea-ee8a-4ca4-894e-db77e160355e (cấp huyện, mã huyện 380; ' +
        'vị trí: trung tâm thương mại, siêu thị, chợ; mở mới, hoạt động từ ngày 01/06/2024) và lên lịch kiểm tra điểm theo Quyết định 950/QĐ-BCT.',
    );
    expect(note.normalize('NFC')).toBe(note);
  });

  it('tells an upgraded provincial point, and keeps a code it does not know as it is', () => {
    const note = salesPointCheckNote(data({ level: 'PROVINCE', districtCode: null, upgraded: true, locationType: 'SPACEPORT' }));
    expect(note).toContain('(cấp tỉnh; vị trí: SPACEPORT; nâng cấp từ điểm bán sẵn có, hoạt động từ ngày 01/06/2024)');
  });
});

describe('ScheduleSalesPointCheckUseCase', () => {
  it('schedules one check per sales point, a redelivery noted once', () => {
    const pending = new PendingSalesPointChecks();
    const u = new ScheduleSalesPointCheckUseCase(pending);
    const d = data();
    expect(u.execute(d, envelope(d))).toBe('scheduled');
    expect(u.execute(d, envelope(d, '9b2c8f6e-36b8-4d8e-9b8a-2c1f7d0e5a11'))).toBe('known');
    expect(pending.list()).toEqual([
      {
        salesPointId: d.salesPointId,
        provinceCode: '38',
        level: 'DISTRICT',
        locationType: 'RETAIL_CENTRE',
        districtCode: '380',
        openedOn: '2024-06-01',
        upgraded: false,
        registeredAt: '2024-06-03T02:00:00.000Z',
        eventId: 'a3bb189e-8bf9-4888-9912-ace4e6543002',
        basis: '950/QĐ-BCT',
      },
    ]);
  });

  it('logs the note', () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const d = data();
    new ScheduleSalesPointCheckUseCase(new PendingSalesPointChecks()).execute(d, envelope(d));
    expect(log).toHaveBeenCalledWith(salesPointCheckNote(d));
    log.mockRestore();
  });
});

describe('PendingSalesPointChecks', () => {
  it('keeps the points in the order they came, dropping the oldest beyond its capacity', () => {
    const pending = new PendingSalesPointChecks(2);
    const u = new ScheduleSalesPointCheckUseCase(pending);
    for (const id of ['p1', 'p2', 'p3']) {
      const d = data({ salesPointId: id });
      u.execute(d, envelope(d));
    }
    expect(pending.list().map((c) => c.salesPointId)).toEqual(['p2', 'p3']);
  });
});
