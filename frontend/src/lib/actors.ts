import type { ActorType } from '@/lib/closed-sets'

/** Who did something, as the API names them (with the name they had then). */
export type ActorRef = { type: ActorType; id?: string | null; name: string }

/** "Ana Admin", `API key "ci"`, "the system"; "someone" when unknown. */
export function actorName(actor: ActorRef | null | undefined): string {
  if (!actor) return 'someone'
  if (actor.type === 'system') return actor.name || 'the system'
  return actor.type === 'api_key' ? `API key "${actor.name}"` : actor.name
}
