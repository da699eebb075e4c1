import { session } from './api/client';

/** Downloads a file the API serves behind the login (a PDF): fetched with the token, then opened from a blob. */
export async function openAuthorised(path: string, fileName: string): Promise<boolean> {
  const token = session.token();
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) return false;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
