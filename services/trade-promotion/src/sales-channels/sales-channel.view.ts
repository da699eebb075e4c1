import type { SalesChannelView } from '@ocop/contracts';
import type { SalesChannel } from './sales-channel.entity';

export const SALES_CHANNEL_KIND_VI: Readonly<Record<string, string>> = {
  MODERN_RETAIL: 'Kênh phân phối hiện đại',
  ECOMMERCE: 'Sàn thương mại điện tử',
  EXPORT: 'Xuất khẩu',
};

export function salesChannelView(c: SalesChannel): SalesChannelView {
  return {
    id: c.id,
    producerId: c.producerId,
    producerName: c.producerName,
    kind: c.kind,
    kindVi: SALES_CHANNEL_KIND_VI[c.kind] ?? c.kind,
    name: c.name,
    url: c.url,
    since: c.since,
    status: c.status,
    checkedBy: c.checkedBy,
    checkedAt: c.checkedAt?.toISOString() ?? null,
    note: c.note,
    endedOn: c.endedOn,
    createdAt: c.createdAt.toISOString(),
  };
}
