/** durable/artifacts/: what the rest of keel uses of it. */
export { artifactName, type ArtifactStore, collectStateFiles, selectArtifactStore } from './artifacts.ts';
