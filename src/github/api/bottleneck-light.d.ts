// bottleneck ships types for its full build only; `light.js` is the same API without Redis clustering, and
// the one @octokit/plugin-throttling already bundles — importing it keeps one copy of Bottleneck in dist/.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
