/** What a backend says about itself; shown in the page and printed by the CLI. */
export interface BackendInfo {
  kind: 'cpu' | 'webgpu';
  /** The adapter's description ("CPU (JavaScript)", "google swiftshader (software)"). */
  adapter: string;
  /** Why this backend was chosen. */
  reason: string;
}
