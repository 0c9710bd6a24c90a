/**
 * Where a source URL is fetched from when SOURCES_MIRROR is set: the mirror's base, then the
 * source's host as the first path segment, then its path and query; the scheme is dropped. So
 * with http://127.0.0.1:8080, https://www.ha.org.hk/opendata/aed/aedwtdata2-en.json is fetched as
 * http://127.0.0.1:8080/www.ha.org.hk/opendata/aed/aedwtdata2-en.json. Every host alike, the
 * archive API's included. Without a mirror, the URL itself.
 */
export function mirroredUrl(url: string, mirror: string | undefined): string {
  if (!mirror) return url;
  const source = new URL(url);
  const base = mirror.replace(/\/+$/, "");
  return `${base}/${source.host}${source.pathname}${source.search}`;
}
