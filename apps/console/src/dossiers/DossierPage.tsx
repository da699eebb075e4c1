import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, currentUser, isProblem, session } from '../api/client';
import { vnDateTime } from '../format';
import { ProposeForm } from './ProposeForm';

/**
 * One dossier: its status, the documents still missing from its checklist, the uploads, the commune's reasons when it
 * was returned, and the actions the signed-in role takes here (the producer submits; the commune returns or accepts).
 */
export function DossierPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const user = currentUser();
  const [message, setMessage] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: string; text: string } | null>(null);
  const [docType, setDocType] = useState('');
  const [reason, setReason] = useState('');
  const [reasonType, setReasonType] = useState('');
  const dossier = useQuery({
    queryKey: ['dossier', id],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/dossiers/{id}', { params: { path: { id } } });
      if (error) throw error;
      return data;
    },
  });
  const types = useQuery({
    queryKey: ['document-types'],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/reference/document-types', {});
      if (error) throw error;
      return data;
    },
  });
  const d = dossier.data;
  if (dossier.isPending || types.isPending) return <p aria-busy="true">Đang tải…</p>;
  if (!d) return <p className="error">Không tìm thấy hồ sơ.</p>;
  const nameOf = (code: string) => types.data?.find((t) => t.code === code)?.nameVi ?? code;
  const refresh = () => void queries.invalidateQueries({ queryKey: ['dossier', id] });
  const refused = (e: unknown, fallback: string) => {
    const p = isProblem(e) ? e : null;
    if (p?.field) setFieldError({ field: p.field, text: p.detail ?? fallback });
    setMessage(p?.detail ?? fallback);
  };

  const upload = async (file: File) => {
    setFieldError(null);
    const form = new FormData();
    form.append('type', docType);
    form.append('file', file);
    const res = await fetch(`/api/dossiers/${id}/documents`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${session.token()}` },
    });
    if (res.ok) {
      setMessage(`Đã tải lên: ${nameOf(docType)}.`);
      refresh();
    } else refused(await res.json().catch(() => null), 'Không tải lên được tài liệu.');
  };
  const act = async (action: 'submit' | 'accept') => {
    const path = action === 'submit' ? '/api/dossiers/{id}/submit' : '/api/dossiers/{id}/accept';
    const { error } = await api.POST(path, { params: { path: { id } } });
    if (error) refused(error, 'Không thực hiện được.');
    else setMessage(action === 'submit' ? 'Đã nộp hồ sơ.' : 'Đã tiếp nhận hồ sơ.');
    refresh();
  };
  const giveBack = async () => {
    setFieldError(null);
    const { error } = await api.POST('/api/dossiers/{id}/return', {
      params: { path: { id } },
      body: { reasons: [{ reason, ...(reasonType ? { documentType: reasonType } : {}) }] },
    });
    if (error) refused(error, 'Không trả lại được hồ sơ.');
    else {
      setMessage('Đã trả hồ sơ để bổ sung.');
      setReason('');
    }
    refresh();
  };

  const producerSide = user?.role === 'PRODUCER' || user?.role === 'CONSULTANT' || user?.role === 'COMMUNE_OFFICER';
  const commune = user?.role === 'COMMUNE_OFFICER';
  const can = (a: string) => d.allowedActions.includes(a);
  const editable = d.status === 'DRAFT' || d.status === 'RETURNED_FOR_COMPLETION';
  return (
    <section aria-labelledby="dossier-title">
      <h1 id="dossier-title">
        Hồ sơ {d.code}: {d.productName}
      </h1>
      <p>
        Trạng thái: <strong id="dossier-status">{d.status}</strong>
        {d.filedAt ? `; nộp lúc ${vnDateTime(d.filedAt)}` : ''}
      </p>
      {d.returnReasons.length > 0 && (
        <div className="card bad" id="return-reasons">
          <p>Lý do trả hồ sơ để bổ sung:</p>
          <ul>
            {d.returnReasons.map((r, i) => (
              <li key={i}>
                {r.documentType ? `${nameOf(r.documentType)}: ` : ''}
                {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2>Danh mục tài liệu</h2>
      <ul className="list" id="checklist">
        {d.missingDocuments.map((m) => (
          <li key={m} data-missing={m}>
            Còn thiếu: {nameOf(m)}
          </li>
        ))}
        {d.documents.map((doc) => (
          <li key={doc.id} data-document={doc.type}>
            Đã có: {nameOf(doc.type)} ({doc.fileName})
          </li>
        ))}
      </ul>
      {producerSide && editable && (
        <form onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="doc-type">Loại tài liệu</label>
          <select id="doc-type" value={docType} onChange={(e) => setDocType(e.target.value)} aria-invalid={fieldError?.field === 'type'}>
            <option value="">— Chọn —</option>
            {types.data?.map((t) => (
              <option key={t.code} value={t.code}>
                {t.nameVi}
              </option>
            ))}
          </select>
          <label htmlFor="doc-file">Tệp (PDF, JPEG hoặc PNG)</label>
          <input
            id="doc-file"
            type="file"
            className="visible-file"
            accept="application/pdf,image/jpeg,image/png"
            disabled={!docType}
            aria-invalid={fieldError?.field === 'file'}
            aria-describedby={fieldError?.field === 'file' ? 'file-error' : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ''; // the same file may be chosen again (another type, or after a return)
              if (file) void upload(file);
            }}
          />
          {fieldError?.field === 'file' && (
            <p className="error" id="file-error">
              {fieldError.text}
            </p>
          )}
        </form>
      )}
      <div className="actions">
        {producerSide && can('SUBMIT') && (
          <button type="button" id="submit-dossier" onClick={() => void act('submit')}>
            Nộp hồ sơ
          </button>
        )}
        {commune && can('ACCEPT') && (
          <button type="button" id="accept-dossier" onClick={() => void act('accept')}>
            Tiếp nhận hồ sơ
          </button>
        )}
      </div>
      {commune && can('RETURN_FOR_COMPLETION') && (
        <form
          id="return-form"
          onSubmit={(e) => {
            e.preventDefault();
            void giveBack();
          }}
        >
          <label htmlFor="return-type">Tài liệu cần bổ sung</label>
          <select id="return-type" value={reasonType} onChange={(e) => setReasonType(e.target.value)}>
            <option value="">— Cả hồ sơ —</option>
            {types.data?.map((t) => (
              <option key={t.code} value={t.code}>
                {t.nameVi}
              </option>
            ))}
          </select>
          <label htmlFor="return-reason">Lý do</label>
          <input
            id="return-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={fieldError?.field?.startsWith('reasons') ?? false}
            aria-describedby={fieldError?.field?.startsWith('reasons') ? 'reason-error' : undefined}
          />
          {fieldError?.field?.startsWith('reasons') && (
            <p className="error" id="reason-error">
              {fieldError.text}
            </p>
          )}
          <button type="submit">Trả hồ sơ để bổ sung</button>
        </form>
      )}
      {commune && can('PROPOSE') && (
        <ProposeForm
          dossierId={d.id}
          legalVersion={d.legalVersion}
          productSetCode={d.productSetCode}
          onDone={(m) => {
            setMessage(m);
            refresh();
          }}
        />
      )}
      <p role="status" id="dossier-message">
        {message}
      </p>
    </section>
  );
}
