import type { RecurrenceView } from '@ocop/contracts';
import type { CampaignRecurrence } from './campaign-recurrence.entity';

export function recurrenceView(r: CampaignRecurrence): RecurrenceView {
  return {
    id: r.id,
    name: r.name,
    provinceCode: r.provinceCode,
    cron: r.cron,
    periodDays: r.periodDays,
    template: r.template,
    active: r.active,
  };
}
