package dev.agentops.hub.ingestion;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@Controller("/api/v1/ingest")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Ingestion")
class IngestController {

    private final IngestService ingest;
    private final FailedJobs failed;
    private final JsonMapper json;

    IngestController(IngestService ingest, FailedJobs failed, JsonMapper json) {
        this.ingest = ingest;
        this.failed = failed;
        this.json = json;
    }

    /** 202 only after the payload is committed: a crash after the answer loses nothing. */
    // Non-blocking: checked on the event loop and answered when the group commit completes, so that no thread waits
    // for the disk per request. IngestValidation checks the body (not @Valid, see there why); IngestBody decodes it
    // itself so that a value of the wrong JSON type is named by its field.
    @Operation(operationId = "ingestRun")
    @Post("/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.INGEST)
    @Status(HttpStatus.ACCEPTED)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = IngestRunRequest.class)))
    CompletableFuture<IngestAccepted> run(Authentication authentication, @Body byte[] body) {
        return ingest.accept(Actor.from(authentication), IngestBody.read(json, body));
    }

    @Operation(operationId = "getIngestJob")
    @Get("/jobs/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    DataResponse<JobStatus> job(Authentication authentication, @PathVariable UUID id) {
        Actor actor = Actor.from(authentication);
        if (!actor.can(Permission.INGEST) && !actor.can(Permission.RUNS_READ)) {
            throw Problems.forbidden("Reading ingest jobs needs the ingest or read scope.");
        }
        return DataResponse.of(ingest.job(actor, id));
    }

    /** Failed jobs, newest first: what an operator looks at when runs are missing (docs/runbook.md). */
    @Operation(operationId = "listFailedIngestJobs")
    @Get("/jobs")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @RequiresPermission(Permission.OPERATIONS_MANAGE)
    ListResponse<FailedJob> failedJobs(Authentication authentication, @Nullable @QueryValue String status,
                                       @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        if (status != null && !status.equals("failed")) {
            throw Problems.validation("status", "must be \"failed\" (queued jobs are not listed; see GET /ingest/jobs/{id})");
        }
        return failed.list(Actor.from(authentication).organizationId(), cursor, limit);
    }

    /** Puts one failed job back in the queue with its attempts reset; 409 job_not_failed for a queued or processed one. */
    @Operation(operationId = "requeueIngestJob")
    @Post("/jobs/{id}/requeue")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @RequiresPermission(Permission.OPERATIONS_MANAGE)
    DataResponse<JobStatus> requeue(Authentication authentication, @PathVariable UUID id) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(failed.requeue(actor.organizationId(), AuditActor.of(actor), id));
    }

    /** Puts up to 10 000 failed jobs back in the queue per call; {@code remaining} > 0 means call again. */
    @Operation(operationId = "requeueFailedIngestJobs")
    @Post("/jobs/requeue")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @RequiresPermission(Permission.OPERATIONS_MANAGE)
    DataResponse<RequeueResult> requeueAll(Authentication authentication, @Body @Valid RequeueRequest request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(failed.requeueAll(actor.organizationId(), AuditActor.of(actor), request.status()));
    }
}
