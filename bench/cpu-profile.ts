/**
 * `npm run bench:browser -- --profile DIR`: a CPU profile of the page's main thread while the seed runs
 * at Max, written to DIR (open it in Chromium's DevTools, Performance ▸ Load profile), and the functions
 * that took the most of it, printed. For finding what a batch update of the page costs (README "Speed").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Profiles the page's main thread while `during` runs; writes the profile and prints the top functions. */
export async function profileMainThread(page: Page, dir: string, during: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await during();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/seed-at-max.cpuprofile`, JSON.stringify(profile));

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += us;
    const file = frame.url.split('/').at(-1) ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + us);
  }
  const seconds = total / 1e6;
  console.log(`\nCPU profile (${seconds.toFixed(1)} s sampled) in ${dir}; self time, top 25:`);
  for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(
      `  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
    );
}
