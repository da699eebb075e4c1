import type { PublicCertificateView, PublicTrainingCertificateView } from '@ocop/contracts';
import { vietnamNumericDate } from '@ocop/documents';
import { FORM_STYLE, complaintForm } from './complaint.page';

export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const COLOURS: Record<string, string> = {
  ACTIVE: '#11703a',
  EXPIRING: '#9a6400',
  EXPIRED: '#6b6b6b',
  SUPERSEDED: '#6b6b6b',
  REVOKED: '#b00020',
};

const STYLE = `body{font-family:"Noto Sans","Segoe UI",Arial,sans-serif;margin:0;background:#f4f6f4;color:#1d1d1d}
main{max-width:640px;margin:0 auto;padding:24px 16px}header{font-size:14px;color:#555;text-transform:uppercase;letter-spacing:.04em}
h1{font-size:22px;margin:8px 0 16px}.status{display:inline-block;padding:8px 14px;border-radius:6px;color:#fff;font-weight:700;font-size:18px}
.card{background:#fff;border-radius:8px;padding:16px 20px;margin-top:16px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
dl{display:grid;grid-template-columns:11em 1fr;gap:8px 12px;margin:0}dt{color:#555}dd{margin:0;font-weight:600}
.stars{color:#d4a000;font-size:22px;letter-spacing:2px}.warn{border-left:4px solid #b00020;padding-left:12px}
footer{margin-top:24px;font-size:13px;color:#666}`;

/** A public page of the platform in Vietnamese: the verification page and the catalogue of the province's products. */
export function page(title: string, body: string, section = 'Tra cứu giấy chứng nhận', extraStyle = ''): string {
  return (
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${esc(title)}</title><style>${STYLE}${extraStyle}</style></head><body><main><header>Chương trình mỗi xã một sản phẩm (OCOP) — ${esc(section)}</header>` +
    `${body}<footer>Thông tin được tra cứu trực tiếp từ cơ sở dữ liệu OCOP của tỉnh. Trạng thái hiển thị là trạng thái tại thời điểm tra cứu.</footer></main></body></html>`
  );
}

/** The public verification page for a certificate, in Vietnamese. */
export function renderVerificationPage(v: PublicCertificateView): string {
  const rows: [string, string][] = [
    ['Số giấy chứng nhận', v.number],
    ['Sản phẩm', v.productName],
    ['Chủ thể', v.producerName],
    ['Hạng', `${v.stars} sao`],
    ['Cơ quan cấp', v.issuerVi],
    ['Quyết định', `${v.decisionReference} ngày ${vietnamNumericDate(v.decisionDate)}`],
    ['Hiệu lực', `Từ ngày ${vietnamNumericDate(v.validFrom)} đến ngày ${vietnamNumericDate(v.validTo)}`],
  ];
  let notice = '';
  if (v.status === 'REVOKED') {
    notice =
      `<div class="card warn" id="notice"><p><strong>Giấy chứng nhận đã bị thu hồi</strong>${v.revokedAt ? ` ngày ${vietnamNumericDate(v.revokedAt)}` : ''}` +
      `${v.revocationDecisionReference ? ` theo Quyết định số ${esc(v.revocationDecisionReference)}` : ''}.</p>` +
      `<p>Lý do: ${esc(v.revocationReasonVi ?? v.revocationReasonCode ?? 'không ghi')}.</p>` +
      '<p>Sản phẩm không còn được sử dụng biểu trưng OCOP và số sao trên bao bì.</p></div>';
  } else if (v.status === 'EXPIRED') {
    notice =
      `<div class="card warn" id="notice"><p><strong>Giấy chứng nhận đã hết hiệu lực</strong> từ ngày ${vietnamNumericDate(v.validTo)}. ` +
      'Sản phẩm không còn được sử dụng biểu trưng OCOP và số sao trên bao bì.</p></div>';
  } else if (v.status === 'SUPERSEDED') {
    notice =
      `<div class="card warn" id="notice"><p><strong>Giấy chứng nhận đã được thay thế</strong>` +
      `${v.supersededByNumber ? ` bởi Giấy chứng nhận số ${esc(v.supersededByNumber)}` : ''}` +
      `${v.supersededByCode ? ` (<a href="/verify/${esc(v.supersededByCode)}">xem giấy chứng nhận mới</a>)` : ''}.</p></div>`;
  } else if (v.status === 'EXPIRING') {
    notice = `<div class="card" id="notice"><p>Giấy chứng nhận sắp hết hiệu lực (ngày ${vietnamNumericDate(v.validTo)}).</p></div>`;
  }
  if (v.provisionalCriteria) {
    notice +=
      '<div class="card" id="provisional"><p><strong>Đánh giá theo bộ tiêu chí tạm thời.</strong> Kết quả được chấm theo bộ tiêu chí ' +
      'chưa hoàn thiện điểm chi tiết (Phụ lục III Quyết định 148/QĐ-TTg); giấy chứng nhận được cấp theo cho phép của cơ quan vận hành.</p></div>';
  }
  return page(
    `Giấy chứng nhận OCOP ${v.number}`,
    `<h1>Sản phẩm OCOP ${'★'.repeat(v.stars)}</h1>` +
      `<span class="status" id="status" data-status="${esc(v.status)}" style="background:${COLOURS[v.status] ?? '#333'}">${esc(v.statusVi)}</span>` +
      notice +
      `<div class="card"><dl>${rows.map(([k, val]) => `<dt>${esc(k)}</dt><dd>${esc(val)}</dd>`).join('')}</dl></div>` +
      complaintForm(v.code),
    undefined,
    FORM_STYLE,
  );
}

/** The answer for an unknown code or a signature that is not the one issued. */
export function renderNotValidPage(code: string): string {
  return page(
    'Không phải giấy chứng nhận OCOP hợp lệ',
    `<h1>Không tìm thấy giấy chứng nhận</h1><span class="status" id="status" data-status="INVALID" style="background:#b00020">Không hợp lệ</span>` +
      `<div class="card warn" id="notice"><p><strong>Đây không phải là giấy chứng nhận OCOP hợp lệ.</strong></p>` +
      `<p>Mã <code>${esc(code.slice(0, 40))}</code> không có trong cơ sở dữ liệu OCOP, hoặc mã QR đã bị sửa đổi. ` +
      'Vui lòng báo cho cơ quan thường trực Chương trình OCOP của tỉnh.</p></div>',
  );
}

/** The public page of a training completion certificate, in Vietnamese. */
export function renderTrainingCertificatePage(v: PublicTrainingCertificateView): string {
  const rows: [string, string][] = [
    ['Số giấy chứng nhận', v.number],
    ['Họ và tên', v.birthYear ? `${v.fullName} (sinh năm ${v.birthYear})` : v.fullName],
    ['Khóa đào tạo', v.courseTitle],
    ['Lớp', v.classTitle],
    ['Đơn vị tổ chức', v.organiser],
    [
      'Thời gian',
      `Từ ngày ${vietnamNumericDate(`${v.startsOn}T00:00:00+07:00`)} đến ngày ${vietnamNumericDate(`${v.endsOn}T00:00:00+07:00`)}`,
    ],
    ['Số ngày tham dự', `${v.daysAttended}/${v.days}`],
  ];
  return page(
    `Giấy chứng nhận hoàn thành khóa đào tạo ${v.number}`,
    `<h1>Giấy chứng nhận hoàn thành khóa đào tạo</h1><span class="status" id="status" style="background:${COLOURS.ACTIVE}">Hợp lệ</span>` +
      `<div class="card"><dl>${rows.map(([k, val]) => `<dt>${esc(k)}</dt><dd>${esc(val)}</dd>`).join('')}</dl></div>`,
    'Tra cứu giấy chứng nhận đào tạo',
  );
}

/** The answer for a code that is no training certificate. */
export function renderTrainingNotValidPage(code: string): string {
  return page(
    'Không tìm thấy giấy chứng nhận',
    `<h1>Không tìm thấy giấy chứng nhận</h1><div class="card warn"><p>Mã <strong>${esc(code)}</strong> không phải là giấy chứng nhận hoàn thành khóa đào tạo do chương trình OCOP cấp.</p></div>`,
    'Tra cứu giấy chứng nhận đào tạo',
  );
}
