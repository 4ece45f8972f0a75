import { unwrapResponse } from './client';

/** The name in `filename*=UTF-8''…` (RFC 6266), else the plain `filename="…"`. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A malformed escape: fall back to the ASCII name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1];
}

/** Hands a blob to the browser as a download under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; it only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * Awaits a file request made with openapi-fetch's `parseAs: 'blob'` and saves the file under the
 * server's name. Going through the client (not a plain link) turns a refusal into an ApiError the
 * page can show or act on (an export that needs approval, a copy already fetched).
 */
export async function downloadFile(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<string> {
  const { data, response } = await unwrapResponse(call);
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  saveBlob(data as Blob, name);
  return name;
}
