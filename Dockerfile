# syntax=docker/dockerfile:1
#
# One multi-stage Dockerfile for the four services (the build context is the repository root,
# because every service needs the parent pom and platform-common):
#
#   docker build --build-arg SERVICE=skills-service -t sharedict/skills-service:1.0.0 .
#   docker build --target jwt-keys -t sharedict/jwt-keys:1.0.0 .      (compose's key generator)
#
# SERVICE is one of skills-service, rota-service, dr-planner, gateway. docker-compose.yml builds
# all of them. Inside the container every service listens on 8080 (QUARKUS_HTTP_PORT below).

## Stage 1: build every service once. The Maven image has the version the wrapper pins
## (.mvn/wrapper/maven-wrapper.properties), so nothing is downloaded but dependencies, which a cache
## mount keeps between builds. Nothing here depends on SERVICE, so the four image builds share
## this stage from the build cache.
FROM docker.io/library/maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp package -DskipTests \
      -pl skills-service,rota-service,dr-planner,gateway,local-run -am

## jwt-keys: a one-shot container that makes the gateway's JWT key pair on first start
## (docker-compose.yml). The private key stays in its own volume, which only the gateway mounts.
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23 AS jwt-keys
USER root
RUN mkdir -p /keys/private /keys/public && chown 185:0 /keys/private /keys/public \
    && chmod 0700 /keys/private && chmod 0755 /keys/public
COPY --from=build --chown=185 /build/local-run/target/local-run.jar /deployments/tools/local-run.jar
USER 185
ENTRYPOINT ["/bin/bash", "-c", "java -cp /deployments/tools/local-run.jar org.sharedict.localrun.LocalKeys /keys/private && cp -f /keys/private/publicKey.pem /keys/public/publicKey.pem"]

## The service image (the last stage, so a plain `docker build --build-arg SERVICE=...` makes it).
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23 AS service
ARG SERVICE
ENV LANGUAGE='en_US:en'

# Four layers, libraries first, so a code change rebuilds only the small ones.
COPY --from=build --chown=185 /build/${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185 /build/${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=185 /build/${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185 /build/${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/
# The JVM and pool sizes ./run.sh, compose and the chart use (read at start, below).
COPY --from=build --chown=185 /build/helm/files/jvm.env /deployments/jvm.env

LABEL org.opencontainers.image.title="Shared ICT Support: ${SERVICE}" \
      org.opencontainers.image.licenses="EUPL-1.2"

EXPOSE 8080
# Non-root (the image's user 185); the root filesystem can be read-only as long as /tmp is writable.
USER 185
ENV QUARKUS_HTTP_PORT=8080 \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    JAVA_APP_JAR="/deployments/quarkus-run.jar"

# Each KEY=VALUE of jvm.env that the container's environment does not already set is exported, then
# the base image's launcher starts the service; with JAVA_OPTS set it adds none of its own options.
ENTRYPOINT ["/bin/bash", "-c", "while IFS= read -r line; do key=${line%%=*}; if [[ $line =~ ^[A-Z_][A-Z0-9_]*= && -z ${!key+set} ]]; then export \"$line\"; fi; done </deployments/jvm.env; exec /opt/jboss/container/java/run/run-java.sh \"$@\"", "run-java"]
