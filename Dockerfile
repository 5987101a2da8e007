# syntax=docker/dockerfile:1
# Build: the whole Maven reactor (SPA included; frontend-maven-plugin fetches Node inside this stage).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp package -DskipTests -P '!system-node'

# Run: a slim JRE, a non-root user, the data folder as a volume.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 agentops \
    && mkdir -p /data && chown agentops /data
USER agentops
WORKDIR /home/agentops
COPY --from=build /src/backend/target/agentops-hub.jar /app/agentops-hub.jar
# Class data sharing for a faster start: one run of this JRE with this jar answers /health and exits, leaving the
# loaded classes in agentops-hub.jsa (the build stage's archive belongs to another JDK)
RUN AGENTOPS_DATA_DIR=/tmp/cds MICRONAUT_SERVER_PORT=-1 LOG_LEVEL=WARN ROOT_LOG_LEVEL=WARN \
    java -XX:MaxRAMPercentage=75 -XX:ArchiveClassesAtExit=/home/agentops/agentops-hub.jsa -Xlog:cds=off -Dagentops.cds-training=true \
    -jar /app/agentops-hub.jar && rm -rf /tmp/cds
ENV AGENTOPS_DATA_DIR=/data LOG_FORMAT=json
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/home/agentops/agentops-hub.jsa", "-jar", "/app/agentops-hub.jar"]
