import createClient from "openapi-fetch";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

export type { paths };

/**
 * A typed client for every path of the AgentOps Hub API (openapi-fetch over the generated `paths`).
 * With an API key, every request carries `Authorization: Bearer <key>`.
 */
export function createLowLevelClient(baseUrl: string, apiKey?: string): Client<paths> {
  return createClient<paths>({
    baseUrl,
    headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : undefined,
  });
}
