import 'server-only';

/**
 * The response for a member's file: never cached (health data), never sniffed into another type, and
 * named for download with an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987).
 */
export function fileResponse(file: { data: Uint8Array; contentType: string; size: number }, fileName: string, disposition: 'inline' | 'attachment'): Response {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'Dokument';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // The PDF viewer frame of the letter page is this origin; nothing else may frame the file.
      'X-Frame-Options': 'SAMEORIGIN',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    },
  });
}
