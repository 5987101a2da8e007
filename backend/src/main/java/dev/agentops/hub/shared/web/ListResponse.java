package dev.agentops.hub.shared.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of a list: {@code {"data": [...], "page": {"next_cursor": ..., "limit": n}}}. */
@Serdeable
public record ListResponse<T>(List<T> data, PageInfo page) {

    @Serdeable
    @Schema(name = "PageInfo")
    public record PageInfo(String nextCursor, int limit) {
    }
}
