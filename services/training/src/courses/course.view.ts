import type { CourseView } from '@ocop/contracts';
import type { Course } from './course.entity';
import type { CourseMaterial } from './course-material.entity';

/** The target groups in the plans' words. */
export const TARGET_GROUP_VI: Readonly<Record<string, string>> = {
  COUNCIL: 'Thành viên Hội đồng và Tổ giúp việc',
  OFFICIALS: 'Cán bộ cấp tỉnh, huyện, xã',
  DEPARTMENT_OFFICIALS: 'Cán bộ các sở, ngành, đoàn thể',
  CONSULTANTS: 'Đội ngũ tư vấn',
  PRODUCERS_3STAR: 'Chủ thể có sản phẩm OCOP từ 3 sao',
  POTENTIAL_PRODUCERS: 'Chủ thể tiềm năng',
  TRAINERS: 'Giảng viên nguồn (ToT)',
  WORKERS: 'Người lao động của chủ thể (đào tạo nghề)',
};

export function courseView(c: Course, materials: CourseMaterial[] = []): CourseView {
  return {
    id: c.id,
    provinceCode: c.provinceCode,
    title: c.title,
    targetGroup: c.targetGroup,
    targetGroupVi: TARGET_GROUP_VI[c.targetGroup] ?? c.targetGroup,
    topics: c.topics,
    durationDays: c.durationDays,
    materials: materials.map((m) => ({
      id: m.id,
      title: m.title,
      version: m.version,
      fileName: m.fileName,
      contentType: m.contentType,
      size: m.size,
      sha256: m.sha256,
      uploadedBy: m.uploadedBy,
      uploadedAt: m.uploadedAt.toISOString(),
    })),
    createdAt: c.createdAt.toISOString(),
  };
}
