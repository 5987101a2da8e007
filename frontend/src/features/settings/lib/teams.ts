/** Team names typed as "platform, data , platform" → ["platform", "data"]: trimmed, no blanks, no repeats. */
export function parseTeams(text: string): string[] {
  const seen = new Set<string>()
  const teams: string[] = []
  for (const part of text.split(/[,\n]/)) {
    const team = part.trim()
    if (team && !seen.has(team.toLowerCase())) {
      seen.add(team.toLowerCase())
      teams.push(team)
    }
  }
  return teams
}

export const formatTeams = (teams: readonly string[]): string => teams.join(', ')
