import type { ScenarioStep } from '../model/types';
import type { NodeHealth, NodeSecond } from '../sim/results';
import type { ArchState } from './store';

/**
 * Named selectors (STYLE.md): module-level constants, so components subscribe to exactly what they show.
 * Selectors taking an id are plain functions of (state, id).
 */

export const selectDoc = (s: ArchState) => s.doc;
export const selectNodes = (s: ArchState) => s.doc.nodes;
export const selectScenario = (s: ArchState) => s.doc.scenario;
export const selectDocName = (s: ArchState) => s.doc.name;
export const selectPlaying = (s: ArchState) => s.playing;
export const selectSpeed = (s: ArchState) => s.speed;
export const selectNowSec = (s: ArchState) => s.nowSec;
export const selectEnginePlaying = (s: ArchState) => s.enginePlaying;
export const selectDone = (s: ArchState) => s.done;
export const selectRows = (s: ArchState) => s.rows;
export const selectEvents = (s: ArchState) => s.events;
export const selectTotals = (s: ArchState) => s.totals;
export const selectNotice = (s: ArchState) => s.notice;
export const selectShowNodeSeries = (s: ArchState) => s.showNodeSeries;
export const selectSourcePanelOpen = (s: ArchState) => s.sourcePanelOpen;
export const selectSelectedNode = (s: ArchState) => s.doc.nodes.find((n) => n.id === s.selectedId) ?? null;

/** The node's figures for the last complete simulated second. */
export const selectNodeSecond = (s: ArchState, id: string): NodeSecond | undefined => s.lastRow?.nodes[id];

/**
 * Requests per second through the node in the last complete second: what reached it, or for a client
 * (which receives nothing) what it sent.
 */
export function selectNodeRate(s: ArchState, id: string): number {
  const row = s.lastRow;
  if (!row) return 0;
  const node = s.doc.nodes.find((n) => n.id === id);
  if (node?.kind !== 'client') return row.nodes[id]?.arrivals ?? 0;
  return s.doc.edges.reduce((sum, e) => (e.source === id ? sum + (row.edges[e.id]?.requests ?? 0) : sum), 0);
}

/** Requests per second on an edge in the last complete second, and how many of them failed. */
export const selectEdgeRate = (s: ArchState, id: string) => s.lastRow?.edges[id];

const isFault = (action: string) => action === 'fail' || action === 'recover' || action === 'degrade';

/** The health a step scheduled but not yet reached will give its node. */
const pendingHealth = (step: ScenarioStep): NodeHealth =>
  step.action === 'recover'
    ? 'up'
    : step.action === 'degrade'
      ? 'degraded'
      : step.mode === 'hang'
        ? 'hung'
        : 'failed';

/** Whether the node is up and fully working (anything else offers Recover). */
export const isHealthy = (health: NodeHealth): boolean => health === 'up';

/**
 * The node's health as the user should see it: a fault scheduled but not yet reached counts already
 * (it happens within the next millisecond of simulated time), otherwise the live snapshot, otherwise
 * the document.
 */
export function selectNodeHealth(s: ArchState, id: string): NodeHealth {
  const pending = s.doc.scenario
    .filter((step) => step.target === id && step.atSec > s.nowSec && isFault(step.action))
    .at(-1);
  if (pending) return pendingHealth(pending);
  const live = s.live?.nodes[id]?.health;
  if (live) return live;
  return s.doc.nodes.find((n) => n.id === id)?.startsFailed ? 'failed' : 'up';
}

/** Whether some load balancer currently routes around the node. */
export const selectMarkedDown = (s: ArchState, id: string): boolean =>
  Object.values(s.live?.lbViews ?? {}).some((view) => view[id] === 'unhealthy');

/** The selected edge, when the selection is an edge (`A-->B`). */
export const selectSelectedEdge = (s: ArchState) => s.doc.edges.find((e) => e.id === s.selectedId) ?? null;

/** The selected group (a clicked frame), when the selection is a group. */
export const selectSelectedGroup = (s: ArchState) => s.doc.groups.find((g) => g.id === s.selectedId) ?? null;

/** The selection's id, whatever it is (node, edge or group). */
export const selectSelectedId = (s: ArchState) => s.selectedId;
