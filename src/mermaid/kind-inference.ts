import type { NodeKind, NodeShape } from '../model/types';

/**
 * Infers a node's kind from its shape, id and label (DESIGN.md §5) when no `kind=` annotation says.
 * Words are matched whole: ids are split at camelCase, digits and punctuation, so `LoadBalancer` reads
 * "load balancer", `OrdersDB` reads "orders db", while "Server 1 (Active)" names nothing and stays a
 * service. A cylinder is a database unless its words name a queue or a cache (Kafka and Redis are often
 * drawn as cylinders).
 */
export function inferKind(id: string, label: string, shape: NodeShape | undefined): NodeKind {
  const words = wordsOf(`${label} ${id}`);
  const text = ` ${words.join(' ')} `;
  const has = (list: readonly string[]) => list.some((word) => text.includes(` ${word} `));
  const hasWord = (set: ReadonlySet<string>, extra?: (word: string) => boolean) =>
    words.some((word) => singularsOf(word).some((w) => set.has(w)) || (extra?.(word) ?? false));

  if (hasWord(QUEUE) || has(QUEUE_PHRASES)) return 'queue';
  if (hasWord(CACHE)) return 'cache';
  if (hasWord(LIMITER)) return 'limiter';
  if (shape === 'cylinder') return 'database';
  if (hasWord(LB) || has(LB_PHRASES)) return 'lb';
  if (hasWord(DATABASE, (word) => /^[a-z]{2,}db$/.test(word)) || has(DATABASE_PHRASES)) return 'database';
  if (hasWord(CLIENT) && !hasWord(SERVICE_WORDS)) return 'client';
  if (hasWord(DNS) || has(DNS_PHRASES)) return 'dns';
  return 'service';
}

const LB = new Set([
  'lb',
  'alb',
  'elb',
  'nlb',
  'glb',
  'nginx',
  'haproxy',
  'envoy',
  'ingress',
  'gateway',
  'proxy',
  'balancer',
  'traefik',
]);
const LB_PHRASES = ['load balancer', 'api gateway', 'reverse proxy', 'ha proxy'];
const DATABASE = new Set([
  'database',
  'db',
  'sql',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongo',
  'mongodb',
  'aurora',
  'rds',
  'dynamodb',
  'cassandra',
  'mssql',
  'nosql',
  'sqlite',
]);
const DATABASE_PHRASES = ['data base'];
const QUEUE = new Set([
  'queue',
  'broker',
  'kafka',
  'rabbitmq',
  'rabbit',
  'sqs',
  'bus',
  'topic',
  'mq',
  'kinesis',
  'pubsub',
  'nats',
  'activemq',
]);
const QUEUE_PHRASES = ['message queue', 'pub sub', 'event hub'];
/** "Rate limiter", "Throttle", "Limiter" (README "Limiter"). */
const LIMITER = new Set(['limiter', 'ratelimiter', 'throttle', 'throttler', 'throttling']);
const CACHE = new Set(['cache', 'redis', 'memcached', 'memcache', 'valkey', 'elasticache']);
const CLIENT = new Set(['client', 'user', 'browser', 'mobile', 'customer']);
/** Words that make "User Service" or "Client API" a service rather than a traffic source. */
const SERVICE_WORDS = new Set(['service', 'server', 'api', 'backend', 'worker', 'svc', 'microservice']);
const DNS = new Set(['dns', 'route53', 'gslb']);
const DNS_PHRASES = ['route 53', 'traffic manager'];

/** Lower-case words of a text: camelCase, letter/digit boundaries and punctuation all separate words. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The word and the forms it could be a plural of ("queues", "caches", "proxies"). */
function singularsOf(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  return forms;
}
