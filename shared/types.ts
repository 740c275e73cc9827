/** One variable to hand to the job: its env name, its value, and where the value came from. */
export interface EnvEntry {
  envName: string;
  value: string;
  /** The parameter it came from (`/mev-beta/staging/arbitrum/rpc_url`, with `:selector` if any). */
  source: string;
}
