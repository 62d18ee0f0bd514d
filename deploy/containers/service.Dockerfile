# One image per Bellyfed service, built from the service's Spring Boot jar with Spring AOT's generated bean
# definitions (`./mvnw -Pspring-aot package`, which build-images.sh runs on Java 25; build context: the service's
# target/ directory, where that build also puts training/; see build-images.sh and docker-compose.yml). The service runs them (-Dspring.aot.enabled=true):
# its bean graph was decided at build time, which skips parsing the configuration classes and evaluating their
# conditions at every start (decision 68). Three stages:
#   extract: the jar's layers (dependencies change least, the application most), so a code change ships one layer;
#   train:   one whole start of the application against local-aws (started in the build, on loopback): the context,
#            both web servers, the SQS listeners' first polls, the first readiness 200 and one API request; what it
#            loaded and linked goes into an AOT cache (JEP 483/514/515) that later starts map instead of loading,
#            linking and profiling again;
#   run:     the layers, the cache and the SBOM, as a non-root user, with a health check on readiness.
ARG BASE_IMAGE=eclipse-temurin:25-jre

FROM ${BASE_IMAGE} AS extract
# Marks the stage's images, which build-images.sh removes once the image is built (about 1 GB a service a build).
LABEL bellyfed.build-stage=extract
ARG JAR_FILE
WORKDIR /build
COPY ${JAR_FILE} app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM ${BASE_IMAGE} AS train
LABEL bellyfed.build-stage=train
WORKDIR /app
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
# local-aws's jar and the training script, which -Pspring-aot copies into target/training (the parent pom).
COPY training/ /training/
# One real start against local-aws, run here on loopback ports: up to the first readiness 200 and one API request,
# then SIGTERM, as the JVM writes the cache when it exits (train-service.sh). A jar built without -Pspring-aot has no
# generated initializer, and this start fails on it, saying so.
RUN bash /training/train-service.sh

FROM ${BASE_IMAGE}
ARG SERVICE
ARG VERSION=dev
ARG REVISION=unknown
ARG CREATED=unknown
ARG MANAGEMENT_PORT=9081
LABEL org.opencontainers.image.title="bellyfed-${SERVICE}" \
      org.opencontainers.image.description="Bellyfed ${SERVICE}: a Spring Boot service of the Bellyfed event platform" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="https://github.com/bellyfed/bellyfed" \
      org.opencontainers.image.vendor="Bellyfed" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.cyclonedx.sbom.location="/app/sbom/application.cdx.json"
RUN groupadd --system --gid 10001 bellyfed && useradd --system --uid 10001 --gid bellyfed --no-create-home bellyfed
WORKDIR /app
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
COPY --from=train /app/app.aot ./app.aot
# The SBOM build-images.sh had Maven write (CycloneDX, cyclonedx:makeBom@module-sbom), where scanners look.
COPY sbom/application.cdx.json ./sbom/application.cdx.json
USER 10001:10001
ENV MANAGEMENT_PORT=${MANAGEMENT_PORT}
# Run it with a read-only root filesystem and a tmpfs on /tmp, Tomcat's only place to write
# (docker-compose.yml, the chart and the ECS task do so). More JVM flags go in JDK_JAVA_OPTIONS.
# Transparent huge pages for the heap (the JVM asks with madvise; a host whose THP mode is "never" gets a warning
# and 4 KB pages): half the page faults of a start and half its GC time; four services started together on 2 cores
# are ready about 5 % sooner in containers, 10 % outside them (decision 70).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_PORT} && printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-XX:MaxRAMPercentage=75", "-XX:+UseTransparentHugePages", "-XX:+ExitOnOutOfMemoryError", "-Dspring.aot.enabled=true", "-jar", "app.jar"]
