import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProgrammeEvents, SYSTEM_ACTOR } from '@ocop/contracts';
import { vietnamDay, vietnamDayStart, vietnamYear } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { PlanUnits } from '../plans/plan-units';
import { ReportReminder } from './report.entity';
import { ReportsRepository } from './reports.repository';
import { dueOf } from './reports.use-cases';

const DAY = 86_400_000;

/**
 * The daily sweep (and an admin's run as of an instant): in each province with report settings, each district that has
 * not submitted its annual report (and the province, if its own report's day is set) is reminded once, from
 * `reminderDays` before the due day until the day before it (`programme.report-reminder.v1`). PostgreSQL says who was
 * reminded, so a sweep run twice, or by two replicas at once, reminds no one twice.
 */
@Injectable()
export class SendReportRemindersUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsRepository,
    private readonly units: PlanUnits,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(asOf: Date): Promise<{ reminders: number }> {
    const today = vietnamDay(asOf);
    const year = vietnamYear(asOf);
    let reminders = 0;
    for (const s of await this.reports.settings()) {
      const units: { kind: string; code: string; name: string }[] = [];
      const open = (kind: string) => {
        const due = dueOf(s, kind, year);
        const from = due && vietnamDay(new Date(vietnamDayStart(due.dueBefore).getTime() - s.reminderDays * DAY));
        return due && from! <= today && today < due.dueBefore ? due : null;
      };
      const district = open('DISTRICT_ANNUAL');
      const province = open('PROVINCE_ANNUAL');
      if (district)
        for (const u of await this.units.districtsOf(SYSTEM_ACTOR, s.provinceCode))
          units.push({ kind: 'DISTRICT_ANNUAL', code: u.code, name: u.name });
      if (province)
        units.push({
          kind: 'PROVINCE_ANNUAL',
          code: s.provinceCode,
          name: (await this.units.unit(SYSTEM_ACTOR, 'PROVINCE', s.provinceCode, 'provinceCode')).name,
        });
      if (!units.length) continue;
      reminders += await this.ds.transaction(async (tx) => {
        let sent = 0;
        const submitted = new Map<string, Set<string>>();
        for (const kind of ['DISTRICT_ANNUAL', 'PROVINCE_ANNUAL'])
          submitted.set(kind, await this.reports.submittedUnits(tx, s.provinceCode, kind, year));
        for (const u of units) {
          if (submitted.get(u.kind)!.has(u.code)) continue;
          const due = (u.kind === 'DISTRICT_ANNUAL' ? district : province)!;
          const reminder = Object.assign(new ReportReminder(), {
            id: randomUUID(),
            provinceCode: s.provinceCode,
            unitCode: u.code,
            kind: u.kind,
            year,
            dueBefore: due.dueBefore,
            at: asOf,
          });
          if (!(await this.reports.addReminderIfAbsent(tx, reminder))) continue;
          await this.outbox.enqueueEvent(tx, ProgrammeEvents.reportReminder, reminder.id, {
            reminderId: reminder.id,
            provinceCode: s.provinceCode,
            unitCode: u.code,
            unitName: u.name,
            kind: u.kind,
            year,
            dueBefore: due.dueBefore,
            recipient: due.recipient,
            at: asOf.toISOString(),
          });
          await writeAudit(tx, {
            actorId: SYSTEM_ACTOR.id,
            actorRole: SYSTEM_ACTOR.role,
            action: 'report.reminder',
            entityType: 'report_reminder',
            entityId: reminder.id,
            details: { unitCode: u.code, kind: u.kind, year, dueBefore: due.dueBefore },
          });
          sent++;
        }
        return sent;
      });
    }
    return { reminders };
  }
}
