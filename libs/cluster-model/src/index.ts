export * from './lib/types';
export type { RawObject } from './lib/raw-object';
export { parseManifestText, type ParsedManifest } from './lib/parse-manifest';
export { buildModel, type BuildModelOptions } from './lib/build-model';
export { NAMESPACE_NAME_LABEL } from './lib/namespaces';
