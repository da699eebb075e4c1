import type { PublicComplaintView } from '@ocop/contracts';
import { vietnamNumericDate } from '@ocop/documents';
import { esc, page } from './verification.page';

const SECTION = 'Phản ánh về sản phẩm OCOP';
const FORM_STYLE = `form label{display:block;margin:12px 0 4px;color:#555}form textarea,form input{width:100%;box-sizing:border-box;
font:inherit;padding:8px;border:1px solid #999;border-radius:4px}form textarea{min-height:6em}form button{margin-top:16px;padding:10px 18px;
font:inherit;font-weight:700;color:#fff;background:#11703a;border:0;border-radius:6px}.hp{position:absolute;left:-10000px}
form :focus{outline:3px solid #d4a000;outline-offset:2px}.error{color:#b00020;font-weight:600}`;

/** Vietnamese messages of the refusals a member of the public can meet on the form, by error code or field. */
const FIELD_VI: Record<string, string> = {
  description: 'Nội dung phản ánh cần từ 20 đến 2.000 ký tự.',
  place: 'Địa điểm cần từ 2 đến 300 ký tự.',
  seenOn: 'Ngày phát hiện không hợp lệ hoặc sau ngày hôm nay.',
  contact: 'Thông tin liên hệ cần từ 3 đến 200 ký tự.',
  certificateCode: 'Mã giấy chứng nhận không có trong cơ sở dữ liệu OCOP.',
};

/** The card under a certificate's verification page: anyone reports what they saw, no login (a plain form, no script). */
export function complaintForm(code: string, error?: { field?: string; messageVi: string }, values: Record<string, string> = {}): string {
  const v = (k: string) => esc(values[k] ?? '');
  const err = (field: string) => (error?.field === field ? `<p class="error" id="${field}-error">${esc(error.messageVi)}</p>` : '');
  const described = (field: string) => (error?.field === field ? ` aria-invalid="true" aria-describedby="${field}-error"` : '');
  return (
    `<div class="card" id="complaint"><h2>Phản ánh về sản phẩm này</h2>` +
    '<p>Nếu thấy sản phẩm mang biểu trưng OCOP không đúng (sai số sao, bao bì, chất lượng, giấy chứng nhận đã hết hiệu lực...), ' +
    'hãy gửi phản ánh tới cơ quan thường trực Chương trình OCOP của tỉnh. Thông tin liên hệ của bạn không được công khai.</p>' +
    (error && !error.field ? `<p class="error">${esc(error.messageVi)}</p>` : '') +
    `<form method="post" action="/verify/${esc(code)}/complaint">` +
    `<label for="description">Nội dung phản ánh (bắt buộc)</label>${err('description')}<textarea id="description" name="description" required minlength="20" maxlength="2000"${described('description')}>${v('description')}</textarea>` +
    `<label for="place">Nơi phát hiện</label>${err('place')}<input id="place" name="place" maxlength="300" value="${v('place')}"${described('place')}>` +
    `<label for="seenOn">Ngày phát hiện</label>${err('seenOn')}<input id="seenOn" name="seenOn" type="date" value="${v('seenOn')}"${described('seenOn')}>` +
    `<label for="contact">Số điện thoại hoặc thư điện tử (không bắt buộc)</label>${err('contact')}<input id="contact" name="contact" maxlength="200" value="${v('contact')}"${described('contact')}>` +
    '<div class="hp" aria-hidden="true"><label for="website">Để trống ô này</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>' +
    '<button type="submit">Gửi phản ánh</button></form></div>'
  );
}

export function complaintFormPage(
  code: string,
  productName: string,
  error: { field?: string; messageVi: string },
  values: Record<string, string>,
): string {
  return page(
    `Phản ánh về sản phẩm ${productName}`,
    `<h1>Phản ánh về sản phẩm ${esc(productName)}</h1>${complaintForm(code, error, values)}`,
    SECTION,
    FORM_STYLE,
  );
}

export function complaintReceivedPage(receiptCode: string, alreadyReceived: boolean): string {
  return page(
    'Đã tiếp nhận phản ánh',
    `<h1>${alreadyReceived ? 'Phản ánh này đã được tiếp nhận trước đó' : 'Đã tiếp nhận phản ánh'}</h1>` +
      `<div class="card"><p>Mã tiếp nhận của bạn: <strong id="receipt">${esc(receiptCode)}</strong></p>` +
      `<p>Hãy lưu lại mã này để <a href="/verify/complaints/${esc(receiptCode)}">theo dõi kết quả xử lý</a>.</p></div>`,
    SECTION,
  );
}

export function complaintStatusPage(v: PublicComplaintView): string {
  const steps = v.history.map((h) => `<dt>${esc(vietnamNumericDate(h.at))}</dt><dd>${esc(h.statusVi)}</dd>`).join('');
  return page(
    `Phản ánh ${v.receiptCode}`,
    `<h1>Phản ánh ${esc(v.receiptCode)}</h1><span class="status" id="status" data-status="${esc(v.status)}" style="background:#11703a">${esc(v.statusVi)}</span>` +
      `<div class="card"><dl><dt>Sản phẩm</dt><dd>${esc(v.productName)}</dd><dt>Mã giấy chứng nhận</dt><dd><a href="/verify/${esc(v.certificateCode)}">${esc(v.certificateCode)}</a></dd>${steps}</dl></div>` +
      (v.outcomeVi ? `<div class="card" id="outcome"><p>${esc(v.outcomeVi)}</p></div>` : ''),
    SECTION,
  );
}

export function complaintNotFoundPage(): string {
  return page(
    'Không tìm thấy phản ánh',
    '<h1>Không tìm thấy phản ánh</h1><div class="card warn"><p>Mã tiếp nhận không đúng.</p></div>',
    SECTION,
  );
}

/** The message for a refusal on the form: the field's, or a general one. */
export function complaintRefusalVi(field: string | undefined): { field?: string; messageVi: string } {
  if (field && FIELD_VI[field]) return { field, messageVi: FIELD_VI[field] };
  return { messageVi: 'Không gửi được phản ánh; vui lòng kiểm tra lại nội dung.' };
}

export { FORM_STYLE };
