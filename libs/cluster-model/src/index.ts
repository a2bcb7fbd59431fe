export * from './lib/types';
export type { RawObject } from './lib/raw-object';
export { MANIFEST_MAX_ALIASES, MANIFEST_MAX_YAML_BYTES, parseManifestText, type ParsedManifest, type ParseOptions } from './lib/parse-manifest';
export { buildModel, type BuildModelOptions } from './lib/build-model';
export { NAMESPACE_NAME_LABEL } from './lib/namespaces';
export { canonicalCalicoSelector, matchesCalicoSelector, parseCalicoSelector } from './lib/calico/calico-selector';
