import { createRequire } from 'node:module';

/**
 * The same M/M/1 model written in the `simjs` npm package (a general-purpose JavaScript DES library),
 * for a measured comparison in the same process. simjs is a browserify bundle that only exposes itself on
 * `window`, so a stand-in `window` is provided while it loads.
 */
interface SimjsApi {
  Sim: new () => { addEntity(klass: unknown): unknown; simulate(endTime: number): void };
  Entity: new (...args: unknown[]) => object;
  Facility: new (name: string) => object;
  Random: new (seed: number) => { exponential(rate: number): number };
  DataSeries: new () => { record(value: number): void; count(): number; average(): number };
}

function loadSimjs(): SimjsApi {
  const host = globalThis as { window?: { Sim?: SimjsApi } };
  const hadWindow = 'window' in host;
  host.window ??= {};
  createRequire(import.meta.url)('simjs');
  const api = host.window.Sim;
  if (!hadWindow) delete host.window;
  if (!api) throw new Error('simjs did not load');
  return api;
}

/** Runs M/M/1 (service mean 1 time unit) for `requests` arrivals; returns requests and mean response. */
export function runSimjsMm1(
  rho: number,
  requests: number,
  seed: number,
): { requests: number; meanResponse: number } {
  const { Sim, Entity, Facility, Random, DataSeries } = loadSimjs();
  const sim = new Sim();
  const server = new Facility('server');
  const random = new Random(seed);
  const responses = new DataSeries();
  type Customer = {
    time(): number;
    setTimer(delay: number): { done(callback: () => void): void };
    useFacility(facility: object, duration: number): { done(callback: () => void): void };
    start(): void;
    order(): void;
  };
  const Base = Entity as unknown as new (...args: unknown[]) => Customer;
  class Arrivals extends Base {
    override start(): void {
      this.order();
      this.setTimer(random.exponential(rho)).done(() => this.start());
    }
    override order(): void {
      const sentAt = this.time();
      this.useFacility(server, random.exponential(1)).done(() => responses.record(this.time() - sentAt));
    }
  }
  sim.addEntity(Arrivals);
  sim.simulate(requests / rho);
  return { requests: responses.count(), meanResponse: responses.average() };
}
