package dev.agentops.hub.policies;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An organization's active and shadow policies, compiled, with the variable roots any of them reads (so a check
 * knows at once which facts cost a read, without walking the rules each time).
 */
record LivePolicies(List<CompiledPolicy> policies, Set<String> roots) {

    static LivePolicies of(List<CompiledPolicy> policies) {
        Set<String> roots = new HashSet<>();
        policies.forEach(p -> roots.addAll(p.rule().roots()));
        return new LivePolicies(List.copyOf(policies), Set.copyOf(roots));
    }

    boolean reads(String root) {
        return roots.contains(root);
    }
}
