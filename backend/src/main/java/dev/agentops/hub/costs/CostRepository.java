package dev.agentops.hub.costs;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Cost figures from {@code run_rollups_hourly} only (never a scan of runs), one grouped pass per view: grouping sets
 * give the total and the breakdowns by day, agent, team and model together. A team is the agent's current
 * {@code team}. An hour bucket counts to the calendar day (in the organization's zone) in which the hour ends, the
 * same rule budget periods use; for whole-hour zones that is simply the day the hour lies in.
 */
// Hand-written SQL on purpose (#17): grouped aggregate reads of the rollups in the organization's zone.
@Singleton
class CostRepository {

    /** The local day of the last instant of the hour bucket. */
    static final String DAY_OF_BUCKET = "((r.bucket + interval '1 hour' - interval '1 microsecond') at time zone ?)::date";

    enum Dimension { TOTAL, DAY, AGENT, TEAM, MODEL }

    record Line(Dimension dimension, LocalDate day, UUID agentId, String team, String model, CostFigures figures) {
    }

    private final Jdbc jdbc;

    CostRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every dimension's lines for the range, optionally only one agent's or one team's rollups. The hourly rows are
     * first summed per day, agent and model (30 days of 20 agents and 4 models: 14,400 rows become 2,400), so the five
     * grouping sets and the agents join work on the small set.
     */
    List<Line> lines(UUID organizationId, ZoneId zone, CostRange range, UUID agentId, String team) {
        return jdbc.query("""
            with daily as (
                select %s as day, r.agent_id, nullif(r.model, '') as model, sum(r.runs) as runs,
                       sum(r.unpriced_runs) as unpriced, sum(r.cost_usd) as cost, sum(r.input_tokens) as input_tokens,
                       sum(r.output_tokens) as output_tokens
                  from run_rollups_hourly r
                 where r.organization_id = ? and r.bucket >= ? and r.bucket < ? and (?::uuid is null or r.agent_id = ?::uuid)
                 group by 1, 2, 3)
            select grouping(day) as g_day, grouping(agent_id) as g_agent, grouping(team) as g_team, grouping(model) as g_model,
                   day, agent_id, team, model, sum(runs) as runs, sum(unpriced) as unpriced, sum(cost) as cost,
                   sum(input_tokens) as input_tokens, sum(output_tokens) as output_tokens
              from (select d.*, a.team
                      from daily d
                      left join agents a on a.organization_id = ? and a.id = d.agent_id
                     where ?::text is null or a.team = ?::text) s
             group by grouping sets ((), (day), (agent_id), (team), (model))""".formatted(DAY_OF_BUCKET),
            CostRepository::line, zone.getId(), organizationId, range.from(), range.to(), agentId, agentId,
            organizationId, team, team);
    }

    boolean teamExists(UUID organizationId, String team) {
        return jdbc.queryOne("select 1 from agents where organization_id = ? and team = ? limit 1", row -> true,
            organizationId, team).isPresent();
    }

    private static Line line(Jdbc.Row row) throws SQLException {
        CostFigures figures = new CostFigures(row.decimal("cost") == null ? BigDecimal.ZERO : row.decimal("cost"), row.longValue("runs"), row.longValue("unpriced"),
            row.longValue("input_tokens"), row.longValue("output_tokens"));
        Dimension dimension = row.intValue("g_day") == 0 ? Dimension.DAY
            : row.intValue("g_agent") == 0 ? Dimension.AGENT
            : row.intValue("g_team") == 0 ? Dimension.TEAM
            : row.intValue("g_model") == 0 ? Dimension.MODEL : Dimension.TOTAL;
        String day = row.string("day");
        return new Line(dimension, day == null ? null : LocalDate.parse(day), row.uuid("agent_id"), row.string("team"),
            row.string("model"), figures);
    }
}
