import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { vnDate } from '../format';
import { openAuthorised } from '../download';

const STATUS_VI: Record<string, string> = {
  ACTIVE: 'Còn hiệu lực',
  EXPIRING: 'Sắp hết hiệu lực',
  EXPIRED: 'Hết hiệu lực',
  SUPERSEDED: 'Đã được thay thế',
  REVOKED: 'Đã bị thu hồi',
};

/** The certificates in the user's scope (a producer: its own), with their validity, PDF and public verification page. */
export function CertificatesPage() {
  const q = useQuery({
    queryKey: ['certificates'],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/certification/certificates', { params: { query: { limit: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  return (
    <section aria-labelledby="certificates-title">
      <h1 id="certificates-title">Giấy chứng nhận OCOP</h1>
      {q.isPending && <p aria-busy="true">Đang tải…</p>}
      {q.isError && <p className="error">Không tải được danh sách giấy chứng nhận.</p>}
      {q.data?.length === 0 && <p>Chưa có giấy chứng nhận nào.</p>}
      <ul className="list">
        {q.data?.map((c) => (
          <li key={c.id} className="card" data-certificate={c.number}>
            <h2>
              {c.productName} {'★'.repeat(c.stars)}
            </h2>
            <p>
              Số {c.number} — <strong>{STATUS_VI[c.status] ?? c.status}</strong>; hiệu lực từ ngày {vnDate(c.validFrom)} đến ngày{' '}
              {vnDate(c.validTo)}.
            </p>
            {c.status === 'EXPIRING' && <p className="warn">Giấy chứng nhận sắp hết hiệu lực: hãy nộp hồ sơ đánh giá lại.</p>}
            <div className="actions">
              <a className="button" href={new URL(c.verifyUrl).pathname + new URL(c.verifyUrl).search}>
                Trang kiểm tra công khai
              </a>
              <button
                type="button"
                onClick={() => void openAuthorised(`/api/certification/certificates/${c.id}/certificate.pdf`, `${c.code}.pdf`)}
              >
                Tải giấy chứng nhận (PDF)
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
