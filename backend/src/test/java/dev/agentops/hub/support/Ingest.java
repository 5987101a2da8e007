package dev.agentops.hub.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Sends run pieces with an API key and waits until the workers have processed them. */
public final class Ingest {

    private final Api api;
    private final String key;

    public Ingest(Api api, String key) {
        this.api = api;
        this.key = key;
    }

    public Api.Response send(Map<String, Object> piece) {
        return api.post("/api/v1/ingest/run", piece, key);
    }

    /** Sends and waits for the job to be processed; returns the job's final status body. */
    public Map<String, Object> sendAndWait(Map<String, Object> piece) {
        Api.Response accepted = send(piece);
        if (accepted.status() != 202) {
            throw new AssertionError("ingest refused: " + accepted.status() + " " + accepted.body());
        }
        return waitFor(String.valueOf(accepted.body().get("id")));
    }

    public Map<String, Object> waitFor(String jobId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Api.Response job = api.get("/api/v1/ingest/jobs/" + jobId, key);
            if (job.status() == 200 && !"queued".equals(job.data().get("status"))) {
                return job.data();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + jobId + " was not processed within 20 s");
    }
}
