// Dates and times as Vietnamese administrative documents print them, in Vietnam time: the wording is
// here, the calendar itself (UTC+7, no daylight saving) is @ocop/domain's.

import { vietnamClock } from '@ocop/domain';

export { vietnamClock } from '@ocop/domain';
export type { VietnamClock } from '@ocop/domain';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * 'ngày 24 tháng 11 năm 2026'. Nghị định 30/2020/NĐ-CP: a day below 10 and the months 1 and 2
 * take a leading zero ('ngày 05 tháng 02 năm 2026'); the months 3 to 9 do not ('tháng 3').
 */
export function vietnamDate(instant: string | Date): string {
  const { year, month, day } = vietnamClock(instant);
  return `ngày ${two(day)} tháng ${month <= 2 ? two(month) : String(month)} năm ${year}`;
}

/** '05/02/2026': the short form that cites a document ('Quyết định số 12/QĐ-UBND ngày 05/02/2026'). */
export function vietnamNumericDate(instant: string | Date): string {
  const { year, month, day } = vietnamClock(instant);
  return `${two(day)}/${two(month)}/${year}`;
}

/** '08 giờ 05 phút'. */
export function vietnamTime(instant: string | Date): string {
  const { hour, minute } = vietnamClock(instant);
  return `${two(hour)} giờ ${two(minute)} phút`;
}

/** '08 giờ 05 phút, ngày 24 tháng 11 năm 2026'. */
export function vietnamDateTime(instant: string | Date): string {
  return `${vietnamTime(instant)}, ${vietnamDate(instant)}`;
}

/** The place-and-date line under the national motto: 'Thanh Hóa, ngày 24 tháng 11 năm 2026'. */
export function placeDateLine(placeVi: string, instant: string | Date): string {
  return `${placeVi}, ${vietnamDate(instant)}`;
}
