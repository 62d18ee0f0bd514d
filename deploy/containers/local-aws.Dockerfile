# local-aws in a container (build context: local-aws/target): the shaded jar and an AOT cache trained by
# one start with the topology provisioned (--stop-when-ready), the start every `compose up` repeats.
ARG BASE_IMAGE=eclipse-temurin:25-jre

FROM ${BASE_IMAGE} AS train
# Marks the stage's images, which build-images.sh removes once the image is built.
LABEL bellyfed.build-stage=train
WORKDIR /app
COPY local-aws-exec.jar ./local-aws.jar
RUN java -XX:AOTCacheOutput=local-aws.aot -XX:MaxRAMPercentage=75 -jar local-aws.jar --port 0 --stop-when-ready \
      > training.log 2>&1 || { cat training.log; exit 1; }

FROM ${BASE_IMAGE}
ARG VERSION=dev
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="bellyfed-local-aws" \
      org.opencontainers.image.description="local-aws: SQS, DynamoDB, EventBridge, Cognito user pools and a CloudWatch sink on one endpoint, with the Bellyfed topology provisioned" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="https://github.com/bellyfed/bellyfed" \
      org.opencontainers.image.vendor="Bellyfed" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.cyclonedx.sbom.location="/app/sbom/application.cdx.json"
RUN groupadd --system --gid 10001 bellyfed && useradd --system --uid 10001 --gid bellyfed --no-create-home bellyfed \
    && mkdir -p /data && chown bellyfed:bellyfed /data
WORKDIR /app
COPY --from=train /app/local-aws.jar /app/local-aws.aot ./
COPY sbom/application.cdx.json ./sbom/application.cdx.json
USER 10001:10001
# /data is for --data-dir (a volume); the root filesystem can be read-only.
HEALTHCHECK --interval=5s --timeout=3s --start-period=20s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${LOCAL_AWS_PORT:-4566} && printf "GET /_local-aws/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
# Transparent huge pages for the heap, as the services' images (decision 70).
ENTRYPOINT ["java", "-XX:AOTCache=local-aws.aot", "-XX:MaxRAMPercentage=75", "-XX:+UseTransparentHugePages", "-XX:+ExitOnOutOfMemoryError", "-jar", "local-aws.jar"]
