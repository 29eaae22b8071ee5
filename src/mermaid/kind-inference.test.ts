import { describe, expect, it } from 'vitest';
import { inferKind, wordsOf } from './kind-inference';

describe('inferKind', () => {
  it.each([
    ['Client', 'Client', undefined, 'client'],
    ['LoadBalancer', 'Load Balancer', undefined, 'lb'],
    ['Server1', 'Server 1 (Active)', undefined, 'service'],
    ['DB', 'Database', undefined, 'database'],
    ['DB', 'DB', undefined, 'database'],
    ['Queue', 'Message Queue', undefined, 'queue'],
    ['alb', 'ALB (a)', undefined, 'lb'],
    ['ing', 'NGINX Ingress Controller', undefined, 'lb'],
    ['px', 'HAProxy', undefined, 'lb'],
    ['gw', 'API Gateway', undefined, 'lb'],
    ['e', 'Envoy sidecar', undefined, 'lb'],
    ['OrdersDB', 'Orders', undefined, 'database'],
    ['pg', 'Postgres', undefined, 'database'],
    ['m', 'MySQL primary', undefined, 'database'],
    ['a', 'Aurora (writer)', undefined, 'database'],
    ['r', 'RDS', undefined, 'database'],
    ['x', 'Storage', 'cylinder', 'database'],
    ['k', 'Kafka', undefined, 'queue'],
    ['k', 'Kafka', 'cylinder', 'queue'],
    ['r', 'RabbitMQ broker', undefined, 'queue'],
    ['s', 'SQS jobs', undefined, 'queue'],
    ['b', 'Event bus', undefined, 'queue'],
    ['t', 'orders topic', undefined, 'queue'],
    ['c', 'Redis', 'cylinder', 'cache'],
    ['c', 'Memcached', undefined, 'cache'],
    ['c', 'Session cache', undefined, 'cache'],
    ['rl', 'Rate limiter', undefined, 'limiter'],
    ['t', 'Throttle', undefined, 'limiter'],
    ['RateLimiter', 'API limiter', undefined, 'limiter'],
    ['u', 'Users', undefined, 'client'],
    ['b', 'Browser', undefined, 'client'],
    ['m', 'Mobile app', undefined, 'client'],
    ['us', 'User service', undefined, 'service'],
    ['d', 'DNS', undefined, 'dns'],
    ['Route53', 'Route53', undefined, 'dns'],
    ['r', 'Route 53 latency routing', undefined, 'dns'],
    ['g', 'GSLB', undefined, 'dns'],
    ['s', 'Server', undefined, 'service'],
    ['dbx', 'Debug box', undefined, 'service'],
    ['lbl', 'Label maker', undefined, 'service'],
    ['constructor', 'constructor', undefined, 'service'],
    ['__proto__', '__proto__', undefined, 'service'],
  ] as const)('%s "%s" (%s) is a %s', (id, label, shape, kind) => {
    expect(inferKind(id, label, shape)).toBe(kind);
  });

  it('splits ids at camelCase, digits and punctuation', () => {
    expect(wordsOf('LoadBalancer')).toEqual(['load', 'balancer']);
    expect(wordsOf('HTTPServer2')).toEqual(['http', 'server', '2']);
    expect(wordsOf('orders-db_primary')).toEqual(['orders', 'db', 'primary']);
  });
});
