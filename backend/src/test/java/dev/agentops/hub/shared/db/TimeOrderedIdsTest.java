package dev.agentops.hub.shared.db;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersionSevenCarryTheTimeAndAreUnique() {
        long before = System.currentTimeMillis();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        long after = System.currentTimeMillis();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        for (UUID id : ids) {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        }
        // ids of a later millisecond sort after earlier ones in PostgreSQL's uuid order (unsigned bytes)
        UUID first = ids.get(0);
        UUID later = laterThan(first);
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), first.getMostSignificantBits())).isPositive();
    }

    private static UUID laterThan(UUID id) {
        while (true) {
            UUID next = TimeOrderedIds.next();
            if ((next.getMostSignificantBits() >>> 16) > (id.getMostSignificantBits() >>> 16)) {
                return next;
            }
        }
    }
}
