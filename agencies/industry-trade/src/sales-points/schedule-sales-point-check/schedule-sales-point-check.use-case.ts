import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope, SalesPointRegisteredData } from '@ocop/agency-sdk';
import { PendingSalesPointChecks, type PendingSalesPointCheck } from '../pending-sales-point-checks';

/** The levels of a sales point, as the department writes them. */
const LEVEL_VI: Readonly<Record<string, string>> = {
  DISTRICT: 'cấp huyện',
  PROVINCE: 'cấp tỉnh',
  OUTSIDE_PROVINCE: 'ngoài tỉnh',
};

/** The locations Decision 950/QĐ-BCT accepts for an OCOP introduction and sales point (its criterion 1). */
const LOCATION_VI: Readonly<Record<string, string>> = {
  TRANSPORT_HUB: 'nhà ga, sân bay, bến xe, bến cảng',
  ROADSIDE_STOP: 'trạm dừng nghỉ trên đường cao tốc, quốc lộ',
  RETAIL_CENTRE: 'trung tâm thương mại, siêu thị, chợ',
  TOURISM_HOSPITALITY: 'khu du lịch, nhà hàng, khách sạn',
  CRAFT_VILLAGE: 'làng nghề, làng nghề truyền thống',
  COMMERCIAL_CENTRE: 'trung tâm thương mại dịch vụ huyện, xã; khu, cụm công nghiệp',
  EXHIBITION_CENTRE: 'trung tâm hội chợ, triển lãm, giới thiệu sản phẩm',
  POST_OFFICE: 'bưu cục, điểm bưu điện văn hóa xã',
};

/** `2024-06-01` → `01/06/2024`, as Vietnamese documents write a day. */
const dayVi = (day: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? day.split('-').reverse().join('/') : day);

/** The department's note that it schedules its check of a newly registered point (logged as it is). */
export function salesPointCheckNote(d: SalesPointRegisteredData): string {
  const level = LEVEL_VI[d.level] ?? d.level;
  const location = LOCATION_VI[d.locationType] ?? d.locationType;
  const district = d.districtCode ? `, mã huyện ${d.districtCode}` : '';
  const origin = d.upgraded ? 'nâng cấp từ điểm bán sẵn có' : 'mở mới';
  return (
    `Sở Công Thương ghi nhận điểm giới thiệu và bán sản phẩm OCOP ${d.salesPointId} (${level}${district}; vị trí: ${location}; ` +
    `${origin}, hoạt động từ ngày ${dayVi(d.openedOn)}) và lên lịch kiểm tra điểm theo Quyết định 950/QĐ-BCT.`
  );
}

export type SalesPointCheckOutcome = 'scheduled' | 'known';

/**
 * Notes a sales point registered on the platform and schedules the department's check of it under Decision 950/QĐ-BCT:
 * for now a log line and an entry in the pending checks (in memory; recording the check on the platform would need a
 * platform event or request that does not exist yet). A redelivered event is noted once.
 */
@Injectable()
export class ScheduleSalesPointCheckUseCase {
  private readonly logger = new Logger('SalesPointChecks');

  constructor(private readonly pending: PendingSalesPointChecks) {}

  execute(data: SalesPointRegisteredData, envelope: EventEnvelope<SalesPointRegisteredData>): SalesPointCheckOutcome {
    const check: PendingSalesPointCheck = {
      salesPointId: data.salesPointId,
      provinceCode: data.provinceCode,
      level: data.level,
      locationType: data.locationType,
      districtCode: data.districtCode,
      openedOn: data.openedOn,
      upgraded: data.upgraded,
      registeredAt: envelope.time,
      eventId: envelope.id,
      basis: '950/QĐ-BCT',
    };
    if (!this.pending.add(check)) {
      this.logger.debug(`sales point ${data.salesPointId}: its check is already scheduled`);
      return 'known';
    }
    this.logger.log(salesPointCheckNote(data));
    return 'scheduled';
  }
}
