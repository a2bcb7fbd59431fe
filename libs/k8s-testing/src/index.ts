export {
  FakeKubeApiServer,
  type CrdOptions,
  type FakeKubeApiServerEvents,
  type FakeKubeApiServerOptions,
  type RequestFilter,
  type RequestRecord,
  type RequestVerb,
  type WatchInfo,
} from './lib/server/fake-kube-api-server';
export { KubeApiError, type KubeStatus, type StatusReason } from './lib/server/api-status';
export type { KubeObject, ObjectMeta, OwnerReference } from './lib/server/kube-object';
export type { WatchEndReason } from './lib/server/watch-stream';
export { RESOURCE_TYPES, type ResourceType } from './lib/server/resource-types';
export {
  startDemoCluster,
  DEMO_STEP_INTERVAL_MS,
  type DemoCluster,
  type DemoClusterOptions,
  type DemoStepEvent,
} from './lib/demo/demo-cluster';
export {
  DEMO_INITIAL_OBJECTS,
  DEMO_STEPS,
  DEMO_RESET_STEP_ID,
  DEMO_MANAGED_OBJECTS,
  DEMO_STORY,
  DEMO_INITIAL_FRONTEND_PODS,
  DEMO_INITIAL_PAYMENTS_API_PODS,
  type DemoChange,
  type DemoDerivedChange,
  type DemoExpectation,
  type DemoStep,
  type DemoStory,
} from './lib/demo/demo-story';
export { DEMO_CILIUM_STORY } from './lib/demo/demo-cilium-story';
