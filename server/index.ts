export { ConfigError, CONFIG_DEFAULTS, describeConfig, loadConfig } from './config/load-config';
export type { DirectoryConfig, OktaCredentialConfig } from './config/load-config';
export { startDirectory } from './start-directory';
export type { Directory, DirectoryOptions } from './start-directory';
export type { SyncKind, SyncResult } from './sync/sync-people';
