const VN = 'Asia/Ho_Chi_Minh';

/** dd/mm/yyyy, Vietnam time. */
export function vnDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  return new Intl.DateTimeFormat('vi-VN', { timeZone: VN, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

/** dd/mm/yyyy HH:mm, Vietnam time. */
export function vnDateTime(iso: string): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat('vi-VN', { timeZone: VN, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return `${vnDate(iso)} ${time}`;
}
