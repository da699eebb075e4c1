import type { ClassView } from '@ocop/contracts';
import type { ClassWithCounts } from './classes.repository';

const DAY = 86_400_000;

/** Days of a class, `startsOn` to `endsOn` inclusive, as `YYYY-MM-DD`. */
export function classDays(c: { startsOn: string; endsOn: string }): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${c.startsOn}T00:00:00Z`); t <= Date.parse(`${c.endsOn}T00:00:00Z`); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function classView(c: ClassWithCounts): ClassView {
  return {
    id: c.id,
    courseId: c.courseId,
    targetGroup: c.targetGroup,
    provinceCode: c.provinceCode,
    districtCode: c.districtCode,
    title: c.title,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    days: classDays(c).length,
    place: c.place,
    online: c.online,
    destination: c.destination,
    capacity: c.capacity,
    organiser: c.organiser,
    coProgramme: c.coProgramme,
    fundingSource: c.fundingSource,
    planReference: c.planReference,
    completionPercent: c.completionPercent,
    status: c.status,
    enrolled: c.enrolled,
    waitlisted: c.waitlisted,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
  };
}
