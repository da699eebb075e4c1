import { AppError, Role, type Actor, type CreateCampaignCommand } from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { INSPECTION_CHECKLIST } from '@ocop/domain';
import type { UserDirectory } from '@ocop/messaging';

/** Every item of the inspection checklist: a campaign's default checklist. */
export const ITEM_CODES = INSPECTION_CHECKLIST.map((i) => i.code);

/** The standing office (or an admin): plans campaigns, assigns tasks, confirms corrections. */
export const isOffice = (a: Actor): boolean => a.role === Role.PROVINCE_OFFICE || a.role === Role.ADMIN;

/** The province a campaign (or recurrence) is planned for: the office's own; a national account must use a province's. */
export function planningProvince(actor: Actor): string {
  if (spansAllProvinces(actor))
    throw AppError.validation('PROVINCE_REQUIRED', 'a campaign belongs to one province: use a province account', 'provinceCode');
  return actor.scope.provinceCode;
}

/** Rule and checklist of a campaign or template; returns the checklist. */
export function checkTemplate(c: Pick<CreateCampaignCommand, 'rule' | 'checklist'>, seedRequired: boolean): string[] {
  if (c.rule.kind !== 'ALL' && !c.rule.share)
    throw AppError.validation('SHARE_REQUIRED', `a ${c.rule.kind} rule needs a share`, 'rule.share');
  if (seedRequired && c.rule.kind === 'RANDOM' && !c.rule.seed)
    throw AppError.validation('SEED_REQUIRED', 'a RANDOM rule needs a seed (reproducible selection)', 'rule.seed');
  const checklist = c.checklist ?? ITEM_CODES;
  const unknown = checklist.filter((i) => !ITEM_CODES.includes(i));
  if (unknown.length) throw AppError.validation('CHECKLIST_ITEM_UNKNOWN', `unknown checklist items: ${unknown.join(', ')}`, 'checklist');
  return checklist;
}

/** A team's inspectors are inspector accounts of the campaign's province (`field`: where the ids sit in the command). */
export async function requireInspectors(
  users: UserDirectory,
  actor: Actor,
  userIds: string[],
  provinceCode: string,
  field: string,
): Promise<void> {
  await users.require(
    actor,
    userIds.map((userId, i) => ({ userId, field: `${field}.${i}`, roles: [Role.INSPECTOR], provinceCode })),
  );
}

export function campaignNotFound(id: string): AppError {
  return AppError.notFound('CAMPAIGN_NOT_FOUND', `no campaign ${id}`);
}
