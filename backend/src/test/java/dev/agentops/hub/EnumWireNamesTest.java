package dev.agentops.hub;

import dev.agentops.hub.approvals.ApprovalStatus;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.agents.AgentStatus;
import dev.agentops.hub.pricing.CostSource;
import dev.agentops.hub.pricing.UsageFormat;
import dev.agentops.hub.runs.EventType;
import dev.agentops.hub.runs.RunStatus;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.WireNames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each closed set has one enum; its @JsonProperty names (serializer, API document) are its lowercase wire names. */
class EnumWireNamesTest {

    private static final List<Class<? extends Enum<?>>> CLOSED_SETS =
        List.of(RunStatus.class, AgentStatus.class, CostSource.class, UsageFormat.class, EventType.class,
            dev.agentops.hub.policies.Decision.class, dev.agentops.hub.policies.PolicyStatus.class,
            ApprovalStatus.class);

    @Test
    void everyConstantCarriesItsWireNameForTheSerializerAndTheDocument() throws Exception {
        for (Class<? extends Enum<?>> type : CLOSED_SETS) {
            for (Enum<?> constant : type.getEnumConstants()) {
                JsonProperty property = type.getField(constant.name()).getAnnotation(JsonProperty.class);
                assertThat(property).as(type.getSimpleName() + "." + constant.name()).isNotNull();
                assertThat(property.value()).isEqualTo(WireNames.of(constant));
            }
        }
    }

    @Test
    void wireNamesParseBackAndUnknownOnesAreRefusedWithTheAllowedList() {
        assertThat(WireNames.parse(RunStatus.class, "cancelled")).contains(RunStatus.CANCELLED);
        assertThat(WireNames.parse(RunStatus.class, "CANCELLED")).isEmpty();
        assertThat(EventType.fromWire("approval_decided")).contains(EventType.APPROVAL_DECIDED);
        assertThat(WireNames.list(RunStatus.class)).isEqualTo("running, completed, failed or cancelled");
        assertThatThrownBy(() -> WireNames.require(AgentStatus.class, "status", "sleeping"))
            .isInstanceOf(ApiException.class)
            .hasMessageContaining("status: must be one of active, paused, error or archived");
    }
}
