import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  ProgrammeEvents,
  Role,
  type AcknowledgeReportCommand,
  type Actor,
  type ListReportsQuery,
  type PdfView,
  type ReportCertificateFigures,
  type ReportFigures,
  type ReportSettingsView,
  type ReportView,
  type SetReportSettingsCommand,
  type SubmitReportBody,
  type UnitView,
} from '@ocop/contracts';
import { coversProvince, spansAllProvinces } from '@ocop/auth';
import { UnitLevel, formalUnitName, parseUnitName, vietnamDay, vietnamDayStart, vietnamYear } from '@ocop/domain';
import { renderReportPdf, renderReportXlsx, targetLabelVi, type ReportDocument } from '@ocop/documents';
import { EventOutbox } from '@ocop/messaging';
import { writeActorAudit } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { PlanUnits } from '../plans/plan-units';
import { PlansUseCases } from '../plans/plans.use-cases';
import { SupportRepository } from '../support/support.repository';
import { Report, ReportSetting } from './report.entity';
import { ReportsRepository, type ReportScope } from './reports.repository';

const notFound = () => AppError.notFound('REPORT_NOT_FOUND', 'no such report');
const DAY = 86_400_000;

const audit = writeActorAudit;

const settingsView = (s: ReportSetting): ReportSettingsView => ({
  provinceCode: s.provinceCode,
  districtDueBefore: s.districtDueBefore,
  districtRecipient: s.districtRecipient,
  ...(s.provinceDueBefore ? { provinceDueBefore: s.provinceDueBefore } : {}),
  ...(s.provinceRecipient ? { provinceRecipient: s.provinceRecipient } : {}),
  reminderDays: s.reminderDays,
  updatedAt: s.updatedAt.toISOString(),
});

export const reportView = (r: Report): ReportView => ({
  id: r.id,
  kind: r.kind,
  provinceCode: r.provinceCode,
  unitCode: r.unitCode,
  unitName: r.unitName,
  year: r.year,
  from: r.periodFrom,
  to: r.periodTo,
  reference: r.reference,
  status: r.status,
  recipient: r.recipient,
  dueBefore: r.dueBefore,
  late: r.late,
  figures: r.figures,
  submittedAt: r.submittedAt.toISOString(),
  submittedBy: r.submittedBy,
  acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  acknowledgementNote: r.acknowledgementNote,
});

/** A district officer reads its district's reports; the office and an admin their province's; a national admin all. */
function reportScope(actor: Actor): ReportScope {
  if (actor.role === Role.DISTRICT_OFFICER) return { provinceCode: actor.scope.provinceCode, unitCode: actor.scope.districtCode ?? '-' };
  return spansAllProvinces(actor) ? {} : { provinceCode: actor.scope.provinceCode };
}
const readsReport = (actor: Actor, r: Report): boolean => {
  const s = reportScope(actor);
  return (!s.provinceCode || s.provinceCode === r.provinceCode) && (!s.unitCode || s.unitCode === r.unitCode);
};

/** A report's certificate figures flat, as its event and the national export carry them. */
export const flatFigures = (f: ReportCertificateFigures) => ({
  issued3: f.issued.stars3,
  issued4: f.issued.stars4,
  issued5: f.issued.stars5,
  firstCertifications: f.firstCertifications,
  valid3: f.valid.stars3,
  valid4: f.valid.stars4,
  valid5: f.valid.stars5,
  revoked: f.revoked,
});

/** Whether MM-DD is a day of every year (not 02-30, nor 02-29). */
const dayOfEveryYear = (md: string): boolean => {
  const d = new Date(`2023-${md}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(5, 10) === md;
};

/** When a report of a kind and year is due: the day it is due before, and to whom, from the province's settings. */
export function dueOf(s: ReportSetting | null, kind: string, year: number): { dueBefore: string; recipient: string } | null {
  if (!s) return null;
  if (kind === 'DISTRICT_ANNUAL') return { dueBefore: `${year}-${s.districtDueBefore}`, recipient: s.districtRecipient };
  if (kind === 'PROVINCE_ANNUAL' && s.provinceDueBefore)
    return { dueBefore: `${year}-${s.provinceDueBefore}`, recipient: s.provinceRecipient ?? 'Bộ Nông nghiệp và Môi trường' };
  return null;
}

/**
 * The programme's reports (issue 17): the province's settings (due days, recipients, reminder days); a district's or
 * the province's annual report and ad-hoc reports, their figures counted as of the submission and frozen in the report;
 * acknowledgement by the recipient; the report as a PDF and as a workbook, both rendered from the frozen figures.
 */
@Injectable()
export class ReportsUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsRepository,
    private readonly certificates: CertificatesRepository,
    private readonly support: SupportRepository,
    private readonly plans: PlansUseCases,
    private readonly units: PlanUnits,
    private readonly outbox: EventOutbox,
  ) {}

  async setSettings(actor: Actor, c: SetReportSettingsCommand): Promise<ReportSettingsView> {
    if (!coversProvince(actor, c.provinceCode))
      throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.username} may not set province ${c.provinceCode}'s reports`);
    await this.units.unit(actor, 'PROVINCE', c.provinceCode, 'provinceCode');
    if (!c.provinceDueBefore !== !c.provinceRecipient)
      throw AppError.validation(
        'REPORT_PROVINCE_SETTING_INCOMPLETE',
        'the province’s due day and its recipient go together',
        c.provinceDueBefore ? 'provinceRecipient' : 'provinceDueBefore',
      );
    for (const [field, md] of [
      ['districtDueBefore', c.districtDueBefore],
      ['provinceDueBefore', c.provinceDueBefore],
    ] as const)
      if (md && !dayOfEveryYear(md)) throw AppError.validation('REPORT_DUE_DAY_INVALID', `${md} is not a day of every year`, field);
    const s = Object.assign(new ReportSetting(), {
      provinceCode: c.provinceCode,
      districtDueBefore: c.districtDueBefore,
      districtRecipient: c.districtRecipient,
      provinceDueBefore: c.provinceDueBefore ?? null,
      provinceRecipient: c.provinceRecipient ?? null,
      reminderDays: c.reminderDays,
      updatedAt: now(),
      updatedBy: actor.id,
    });
    await this.ds.transaction(async (tx) => {
      await this.reports.saveSetting(tx, s);
      await audit(tx, actor, 'report-settings.set', 'report_setting', c.provinceCode, { ...settingsView(s) });
    });
    return settingsView(s);
  }

  async settings(actor: Actor, provinceCode: string): Promise<ReportSettingsView> {
    const s = coversProvince(actor, provinceCode) ? await this.reports.setting(provinceCode) : null;
    if (!s) throw AppError.notFound('REPORT_SETTINGS_NOT_FOUND', `province ${provinceCode} has no report settings`);
    return settingsView(s);
  }

  /**
   * Submits a report: its figures counted as of `asOf` and frozen. DISTRICT_ANNUAL (a district officer its own
   * district, or the office for one of its districts) and PROVINCE_ANNUAL (the office) once per unit and year, with
   * their due day and recipient from the settings, and announced on the bus; AD_HOC on any period, kept as generated.
   */
  async submit(actor: Actor, c: SubmitReportBody, asOf: Date): Promise<ReportView> {
    const annual = c.kind !== 'AD_HOC';
    const unit = await this.unitOf(actor, c);
    let from: string;
    let to: string;
    if (annual) {
      if (c.year === undefined) throw AppError.validation('REPORT_YEAR_REQUIRED', 'an annual report is for a year', 'year');
      if (c.from || c.to)
        throw AppError.validation('REPORT_PERIOD_FOR_ANNUAL', 'an annual report’s period is its year', c.from ? 'from' : 'to');
      if (c.year > vietnamYear(asOf)) throw AppError.validation('REPORT_YEAR_AHEAD', `${c.year} has not begun`, 'year');
      [from, to] = [`${c.year}-01-01`, `${c.year}-12-31`];
    } else {
      if (c.year !== undefined)
        throw AppError.validation('REPORT_YEAR_FOR_AD_HOC', 'an ad-hoc report states its period (from, to)', 'year');
      if (!c.from || !c.to)
        throw AppError.validation('REPORT_PERIOD_REQUIRED', 'an ad-hoc report states its period', c.from ? 'to' : 'from');
      if (c.to < c.from) throw AppError.validation('REPORT_PERIOD_INVALID', 'to is before from', 'to');
      if (c.from > vietnamDay(asOf)) throw AppError.validation('REPORT_PERIOD_AHEAD', `${c.from} has not come`, 'from');
      if (Number(c.to.slice(0, 4)) - Number(c.from.slice(0, 4)) > 5)
        throw AppError.validation('REPORT_PERIOD_TOO_LONG', 'a period spans at most 5 years', 'to');
      [from, to] = [c.from, c.to];
    }
    const figures = await this.figures(actor, unit, from, to, asOf);
    return this.ds.transaction(async (tx) => {
      const due = annual ? dueOf(await this.reports.setting(unit.provinceCode, tx), c.kind, c.year!) : null;
      if (annual) {
        await this.reports.lockAnnual(tx, c.kind, unit.code, c.year!);
        if (await this.reports.annual(c.kind, unit.code, c.year!, tx))
          throw AppError.conflict('REPORT_ALREADY_SUBMITTED', `${unit.name} submitted its ${c.year} report already`);
      }
      const report = Object.assign(new Report(), {
        id: randomUUID(),
        kind: c.kind,
        provinceCode: unit.provinceCode,
        unitCode: unit.code,
        unitName: unit.name,
        year: annual ? c.year! : null,
        periodFrom: from,
        periodTo: to,
        reference: c.reference ?? null,
        status: annual ? 'SUBMITTED' : 'GENERATED',
        recipient: due?.recipient ?? null,
        dueBefore: due?.dueBefore ?? null,
        late: !!due && vietnamDay(asOf) >= due.dueBefore,
        figures,
        submittedAt: asOf,
        submittedBy: actor.id,
        acknowledgedAt: null,
        acknowledgedBy: null,
        acknowledgementNote: null,
      });
      await this.reports.insert(tx, report);
      if (annual) {
        await this.outbox.enqueueEvent(tx, ProgrammeEvents.reportSubmitted, report.id, {
          reportId: report.id,
          provinceCode: report.provinceCode,
          unitCode: report.unitCode,
          kind: report.kind,
          year: report.year,
          from,
          to,
          ...flatFigures(figures.certificates),
          submittedAt: asOf.toISOString(),
        });
      }
      await audit(tx, actor, annual ? 'report.submit' : 'report.generate', 'report', report.id, {
        kind: c.kind,
        unitCode: unit.code,
        from,
        to,
      });
      return reportView(report);
    });
  }

  async list(actor: Actor, q: ListReportsQuery): Promise<ReportView[]> {
    return (await this.reports.reports(reportScope(actor), q, q.limit ?? DEFAULT_PAGE.limit, q.offset ?? DEFAULT_PAGE.offset)).map(
      reportView,
    );
  }

  async get(actor: Actor, reportId: string): Promise<ReportView> {
    return reportView(await this.readable(actor, reportId));
  }

  /** The recipient acknowledges an annual report: the office a district's, a national admin the province's; once. */
  async acknowledge(actor: Actor, c: AcknowledgeReportCommand): Promise<ReportView> {
    const r = await this.readable(actor, c.reportId);
    if (r.kind === 'AD_HOC') throw AppError.rule('REPORT_NOT_ADDRESSED', 'an ad-hoc report is addressed to no one');
    if (r.kind === 'PROVINCE_ANNUAL' && !spansAllProvinces(actor))
      throw AppError.forbidden('SCOPE_FORBIDDEN', 'the province’s report is acknowledged by the ministry’s side (a national admin)');
    return this.ds.transaction(async (tx) => {
      if (await this.reports.acknowledge(tx, r.id, actor.id, now(), c.note ?? null))
        await audit(tx, actor, 'report.acknowledge', 'report', r.id, { note: c.note ?? null });
      return reportView((await this.reports.report(r.id, tx))!);
    });
  }

  async pdf(actor: Actor, reportId: string): Promise<PdfView> {
    const r = await this.readable(actor, reportId);
    return { fileName: `${fileStem(r)}.pdf`, contentBase64: (await renderReportPdf(await this.document(actor, r))).toString('base64') };
  }

  async xlsx(actor: Actor, reportId: string): Promise<PdfView> {
    const r = await this.readable(actor, reportId);
    return { fileName: `${fileStem(r)}.xlsx`, contentBase64: (await renderReportXlsx(await this.document(actor, r))).toString('base64') };
  }

  private async readable(actor: Actor, reportId: string): Promise<Report> {
    const r = await this.reports.report(reportId);
    if (!r || !readsReport(actor, r)) throw notFound();
    return r;
  }

  /** The unit a report is on, within the actor's scope: a district officer its own district only. */
  private async unitOf(actor: Actor, c: SubmitReportBody): Promise<UnitView> {
    const district = c.kind === 'DISTRICT_ANNUAL' || (c.kind === 'AD_HOC' && c.unitCode.length === 3);
    const unit = await this.units.unit(actor, district ? 'DISTRICT' : 'PROVINCE', c.unitCode, 'unitCode');
    const own =
      actor.role === Role.DISTRICT_OFFICER ? district && unit.code === actor.scope.districtCode : coversProvince(actor, unit.provinceCode);
    if (!own) throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.username} may not report for ${unit.name}`);
    return unit;
  }

  /** A unit's figures over [from, to] as of `asOf` (the period's end, if it came first). */
  private async figures(actor: Actor, unit: UnitView, from: string, to: string, asOf: Date): Promise<ReportFigures> {
    const t0 = vietnamDayStart(from);
    const t1 = new Date(Math.min(vietnamDayStart(to).getTime() + DAY, asOf.getTime()));
    const district = unit.level === 'DISTRICT' ? unit.code : null;
    const c = await this.certificates.periodFigures(unit.provinceCode, district, t0, t1);
    const names = new Map((await this.units.districtsOf(actor, unit.provinceCode)).map((u) => [u.code, u.name]));
    if (!district) names.set(unit.code, unit.name);
    const targets = await this.plans.targetFigures(
      actor,
      unit.provinceCode,
      unit.code,
      Number(from.slice(0, 4)),
      Number(to.slice(0, 4)),
      asOf,
    );
    const stars = (r: Record<3 | 4 | 5, number>) => ({ stars3: r[3], stars4: r[4], stars5: r[5], total: r[3] + r[4] + r[5] });
    return {
      asOf: asOf.toISOString(),
      certificates: { issued: stars(c.issued), firstCertifications: c.firstCertifications, valid: stars(c.valid), revoked: c.revoked },
      targets: targets.map((t) => ({ ...t, unitName: names.get(t.unitCode) ?? t.unitCode })),
      rewards: await this.support.periodFigures(unit.provinceCode, district, t0, t1),
    };
  }

  /** What the PDF and the workbook print: the frozen figures, with the reporting unit's formal names. */
  private async document(actor: Actor, r: Report): Promise<ReportDocument> {
    const f = r.figures;
    const level = r.unitCode.length === 3 ? UnitLevel.DISTRICT : UnitLevel.PROVINCE;
    const named = parseUnitName(level, r.unitName);
    const formal = formalUnitName(named);
    const province = level === UnitLevel.DISTRICT ? (await this.units.unit(actor, 'PROVINCE', r.provinceCode, 'provinceCode')).name : null;
    const lower = (name: string) => name.charAt(0).toLocaleLowerCase('vi-VN') + name.slice(1);
    return {
      titleVi:
        r.year === null ? 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH OCOP' : `BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM ${r.year}`,
      authorityVi: province ? `UBND ${province}`.toLocaleUpperCase('vi-VN') : '',
      issuerVi: `UBND ${lower(formal)}`,
      placeVi: named.name,
      reference: r.reference,
      recipientVi: r.recipient,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      submittedAt: r.submittedAt.toISOString(),
      asOf: f.asOf,
      certificates: {
        issued: [f.certificates.issued.stars3, f.certificates.issued.stars4, f.certificates.issued.stars5],
        firstCertifications: f.certificates.firstCertifications,
        valid: [f.certificates.valid.stars3, f.certificates.valid.stars4, f.certificates.valid.stars5],
        revoked: f.certificates.revoked,
      },
      targets: f.targets.map((t) => ({
        unitVi: t.unitName,
        labelVi: targetLabelVi(t.kind, t.stars, t.traditionalOnly),
        year: t.year,
        value: t.value,
        achieved: t.achieved,
        percent: t.percent,
        planReference: t.planReference,
      })),
      rewards: f.rewards,
    };
  }
}

const fileStem = (r: Report): string => `bao-cao-ocop-${r.unitCode}-${r.year ?? `${r.periodFrom}-${r.periodTo}`}`;
