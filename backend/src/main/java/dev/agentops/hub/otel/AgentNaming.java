package dev.agentops.hub.otel;

/**
 * Who a trace says its agent is: {@code gen_ai.agent.id} and {@code gen_ai.agent.name} from its spans, else the
 * resource's {@code service.name}. {@link #name()} is the name an agent discovered from it gets.
 */
record AgentNaming(String agentId, String agentName, String serviceName) {

    static final String UNKNOWN_SERVICE = "unknown_service";

    String name() {
        return agentName != null ? agentName
            : agentId != null ? agentId : serviceName != null ? serviceName : UNKNOWN_SERVICE;
    }
}
