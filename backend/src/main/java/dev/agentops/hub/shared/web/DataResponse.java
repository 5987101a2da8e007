package dev.agentops.hub.shared.web;

import io.micronaut.serde.annotation.Serdeable;

/** The success body of docs/api.md: {@code {"data": ...}}. */
@Serdeable
public record DataResponse<T>(T data) {

    public static <T> DataResponse<T> of(T data) {
        return new DataResponse<>(data);
    }
}
