export { createHostApp, hostLogger, SERVICE_NATS, SERVICE_LOGGER, HOST_HOOKS } from './host-app';
export type { HostSpec, HostParts, HostHooks } from './host-app';
export { createServiceApp } from './service-app';
export type { ServiceAppSpec } from './service-app';
export { loadHostConfig, loadServiceConfig, intSetting } from './host-config';
export type { HostConfig, ServiceConfig } from './host-config';
export { resetReadModels } from './read-models';
export type { ReadModels } from './read-models';
