/**
 * Frozen share links, one per format version: decoding them must give the same document forever
 * (DESIGN.md §7). Never edit these literals; a new format version adds its own pair beside them.
 */
import { base64urlToBytes, bytesToBase64url } from '../../src/share/base64url';
import { expect } from 'vitest';
import type { ArchDocument } from '../../src/model/types';
import { deflate, inflateCapped } from '../../src/share/compression';
import { documentFromJson } from '../../src/share/document-json';
import { decodeLink, type LinkError } from '../../src/share/link';

/** The seed preset ("Active-Active behind a load balancer") as `encodeLink` wrote it in Node 20, Nov 2026. */
export const FROZEN_V1_LINK =
  'v1.eJzFlUuL2zAQx7-Kmb3K4DjbheoQ6G4OLWyhdNvTksNYmsQisuRKcnZDyHcvsuPHPtKWwranRCNp_r_RPHwAodH7Ja098PsDGKwIOKxRaZLAwIe9bg1Ka36xfr9mPji7JX4xn89P_9MHJUPJ8_oRjmxwgSKoHb1wIcTvXKwYSOVIBGUNcLj9CgxIbqgDVBI43GhFJqTp4taivEaNRpADBjU6rDzwAxQotk0NfI3aEwONgYzYx52wryONsMYHYLBD3dBnDzw7MnggtSkD8NmRgbeNEzSIAYOAbkMhIk1VY8gt1NSapos7cjtys7eiehb5wNbL_hor_z9Y-Yh14kzTxfL6rWDGFAwcy-vnCPk_QMifI6wYbJxt6klNdyc9RL2CNHD40HZQ2jVSUlur24un_jrtdj9JQaUyMsFEW5RJMWbAWPmyc4DBVpm4Fv26Fx0OjM-Bzqkdxs3aKu-tAQYOA30hd0cC-GWWMXAUnIpKGYOgKrJNiA-TZ1l2fLUWRwZdTPTjkeTVli7FR0Idyj3wnEEpPplAboe6l4m2b6Pyu87y3ZT9rTmDyspxNqXDiKqtVjHB4GxjZOpsoQy02O10bB-wH2h96p6kbFrSY2Ce3E4JmkTXHUmeToUfDTV0gzUKFfZtLGy4yg9QEZoY0Cy-bFd_9FhDrDjrtlGfX_0la_4HrPmbsLYQbdud9CUGLNBPAZaj6SzALDtDkJ8FmF3FBi2x6-S9VkbGMb5i4AUZdMoCv48rVUWHsnEYP0Vtqc87NZLAL3MGD-iqpm53suPxJ5C6Y8k';

/** The compact canonical JSON inside {@link FROZEN_V1_LINK}, byte for byte. */
export const FROZEN_V1_JSON =
  '{"classDefs":[{"name":"failed","style":"fill:#f9f,stroke:#333,stroke-width:2px"},{"name":"active","style":"fill:#ccf,stroke:#333,stroke-width:2px"}],"direction":"LR","edges":[{"id":"Client-->LoadBalancer","params":{"backup":false,"latency":{"type":"const","valueMs":0},"weight":1},"source":"Client","target":"LoadBalancer"},{"id":"LoadBalancer-->Server1","params":{"backup":false,"latency":{"type":"const","valueMs":0},"weight":1},"source":"LoadBalancer","target":"Server1"},{"id":"LoadBalancer-->Server2","params":{"backup":false,"latency":{"type":"const","valueMs":0},"weight":1},"source":"LoadBalancer","target":"Server2"},{"id":"Server1-->DB","params":{"backup":false,"latency":{"type":"const","valueMs":0},"weight":1},"source":"Server1","target":"DB"},{"id":"Server2-->DB","params":{"backup":false,"latency":{"type":"const","valueMs":0},"weight":1},"source":"Server2","target":"DB"}],"groups":[{"id":"Servers","label":"Active-active pool"}],"name":"Active-Active behind a load balancer","nodes":[{"id":"Client","kind":"client","label":"Client","params":{"arrival":"poisson","ratePerSec":400,"retries":0,"timeoutMs":2000}},{"id":"LoadBalancer","kind":"lb","label":"Load Balancer","params":{"hcHealthy":2,"hcIntervalMs":2000,"hcTimeoutMs":500,"hcUnhealthy":3,"mode":"active-active","policy":"round-robin"}},{"classes":["active"],"group":"Servers","id":"Server1","kind":"service","label":"Server 1","params":{"queueCapacity":200,"service":{"meanMs":10,"type":"exp"},"workers":6}},{"classes":["active"],"group":"Servers","id":"Server2","kind":"service","label":"Server 2","params":{"queueCapacity":200,"service":{"meanMs":10,"type":"exp"},"workers":6}},{"id":"DB","kind":"database","label":"Database","params":{"queueCapacity":1000,"service":{"meanMs":2,"type":"exp"},"workers":16},"shape":"cylinder"}],"scenario":[],"sim":{"durationSec":300,"seed":42,"warmupSec":0}}';

/** A v1 link around any text: how tests make links whose JSON is wrong on purpose. */
export async function v1LinkOfText(text: string): Promise<string> {
  return `v1.${bytesToBase64url(await deflate(new TextEncoder().encode(text)))}`;
}

/** The text inside a v1 link (no cap that matters here), to compare what two encoders wrote. */
export async function textOfV1Link(link: string): Promise<string> {
  const inflated = await inflateCapped(base64urlToBytes(link.replace(/^v1\./, '')), 1 << 30);
  if (!inflated.ok) throw new Error(`not a v1 link: ${inflated.reason}`);
  return new TextDecoder().decode(inflated.bytes);
}

/** The document {@link FROZEN_V1_LINK} must decode to (read from the frozen JSON, not from today's preset). */
export function frozenV1Document(): ArchDocument {
  const read = documentFromJson(FROZEN_V1_JSON);
  if (!read.ok) throw new Error(`the frozen v1 JSON no longer reads: ${read.errors[0]?.message}`);
  return read.document;
}

/** The document a link opens as; throws with the error otherwise. */
export async function decoded(text: string): Promise<ArchDocument> {
  const result = await decodeLink(text);
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.document;
}

/** The error a link gives (one line, always); throws if it opens. */
export async function failure(text: string): Promise<LinkError> {
  const result = await decodeLink(text);
  if (result.ok) throw new Error('the link decoded, but it should not have');
  expect(result.error.message).not.toMatch(/[\n\r]/);
  return result.error;
}

/** The seed preset as plain JSON data, to break on purpose and send as a link. */
export function seedData(): Record<string, unknown> & { nodes: Record<string, unknown>[] } {
  return JSON.parse(FROZEN_V1_JSON);
}

/** A v1 link around data as JSON. */
export const linkOfData = (data: unknown) => v1LinkOfText(JSON.stringify(data));
