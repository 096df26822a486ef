# syntax=docker/dockerfile:1
#
# GDWCT style-transfer server. One Dockerfile, two images:
#
#   CPU:  docker build -t ghcr.io/gdwct/gdwct-server:0.1.0 .
#   GPU:  docker build --build-arg FLAVOR=cuda -t ghcr.io/gdwct/gdwct-server:0.1.0-cuda .
#
# FLAVOR picks the Maven profile (cuda: -Pcuda, i.e. pytorch-native-cu124) and the runtime base
# (the Temurin 17 JRE, or the CUDA 12.4 runtime plus that same JRE). Everything else (user, paths,
# environment, entrypoint) is written once below, so the two images cannot drift apart. Needs
# BuildKit (the default builder since Docker 23): it builds only the stages the chosen FLAVOR uses.
#
# The build context must contain models/ (one folder per model; the default model is `default`):
# it is baked into /app/models. docs/deploy.md has the details.
#
# Run:  docker run -p 8080:8080 IMAGE                        (serve, the default command)
#       docker run --no-healthcheck IMAGE train --data-a ... (any other subcommand)

ARG FLAVOR=cpu
ARG JRE_IMAGE=eclipse-temurin:17-jre-jammy
# The -runtime- image puts libcudart.so.12 on the linker path; DJL's GPU detection (CudaUtils)
# loads the system libcudart, not the copy bundled in the cu124 jar. The -base- variant also
# carries libcudart and is a few GB smaller, but is not what was specified here (unverified).
ARG CUDA_IMAGE=nvidia/cuda:12.4.1-runtime-ubuntu22.04

# ------------------------------------------------------------------------------------- build
FROM maven:3.9-eclipse-temurin-17 AS build
ARG FLAVOR
WORKDIR /src
COPY pom.xml ./
COPY src ./src
# ~/.m2 is a BuildKit cache: the dependencies (2.46 GB more for cuda) download once per builder,
# not once per source change.
RUN --mount=type=cache,target=/root/.m2 \
    set -eu; \
    case "$FLAVOR" in \
      cpu)  profile="" ;; \
      cuda) profile="-Pcuda" ;; \
      *)    echo "FLAVOR must be cpu or cuda, not '$FLAVOR'" >&2; exit 1 ;; \
    esac; \
    mvn -B -DskipTests $profile package; \
    chmod -R a+rX,go-w target/quarkus-app

# Extract libtorch (425 MB cpu / 4 GB cuda) now, into the folder DJL looks up first, so that
# containers start without writing it: the runtime image keeps it read-only, owned by root.
COPY docker/extract-djl-natives.sh /usr/local/bin/extract-djl-natives.sh
RUN sh /usr/local/bin/extract-djl-natives.sh /src/target/quarkus-app /opt/djl-cache

# Models are staged here, not in the runtime stage, so that their permissions are fixed without
# a second copy in a later layer. REQUIRE_MODELS=false builds an image that expects its models on
# a volume mounted at /app/models (models/ must still exist in the context; it may be empty).
ARG REQUIRE_MODELS=true
COPY models/ /src/models/
RUN set -eu; \
    chmod -R a+rX,go-w /src/models; \
    if [ "$REQUIRE_MODELS" = "true" ] && [ -z "$(ls -A /src/models)" ]; then \
      echo "models/ is empty: put the model folders (at least the default one) in the build context," >&2; \
      echo "or create an empty models/, build with --build-arg REQUIRE_MODELS=false and mount them at /app/models" >&2; \
      exit 1; \
    fi

# ------------------------------------------------------------------------------ runtime bases
FROM ${JRE_IMAGE} AS jre

FROM jre AS base-cpu
# The Temurin image already ships curl (used by HEALTHCHECK below), so this variant installs
# nothing. Fail the build if a future base image drops it.
RUN command -v curl >/dev/null
LABEL io.gdwct.image="ghcr.io/gdwct/gdwct-server:0.1.0"

FROM ${CUDA_IMAGE} AS base-cuda
# The same Temurin JRE as the CPU image (both bases are Ubuntu 22.04).
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:$PATH \
    LANG=C.UTF-8
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
# curl for HEALTHCHECK (the CUDA base removes it; ~1 MB with libcurl) and fontconfig, which the
# Temurin image has too (AWT text rendering, e.g. jfreechart plots from `evaluate`).
# DJL's CudaUtils asks JNA for "cudart". The runtime base has only libcudart.so.12, so add the
# plain libcudart.so name next to it, and fail the build here, not at run time, if the CUDA
# runtime is not on the linker path.
RUN set -eu; \
    apt-get update; \
    apt-get install -y --no-install-recommends curl ca-certificates fontconfig; \
    rm -rf /var/lib/apt/lists/*; \
    cudart="$(ldconfig -p | sed -n 's/^.*libcudart\.so\.12 .*=> //p' | head -n 1)"; \
    if [ -z "$cudart" ]; then \
      cudart="$(find /usr/local -name 'libcudart.so.12' | head -n 1)"; \
      test -n "$cudart"; \
      dirname "$cudart" > /etc/ld.so.conf.d/gdwct-cudart.conf; \
    fi; \
    ln -sf "$cudart" "$(dirname "$cudart")/libcudart.so"; \
    ldconfig; \
    ldconfig -p | grep -q 'libcudart\.so '; \
    java -version
LABEL io.gdwct.image="ghcr.io/gdwct/gdwct-server:0.1.0-cuda"

# ------------------------------------------------------------------------------------ runtime
FROM base-${FLAVOR} AS runtime
LABEL org.opencontainers.image.title="gdwct-server" \
      org.opencontainers.image.description="GDWCT exemplar-based image style transfer (HTTP service and CLI)" \
      org.opencontainers.image.version="0.1.0"

# Non-root user with a fixed uid, matching runAsUser in k8s/. Its home (/app) is not writable:
# everything the process writes goes to /tmp (an emptyDir in Kubernetes).
RUN groupadd --gid 10001 gdwct \
    && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin gdwct

# Owned by root and read-only for the service. Largest and least often changed first, so a code
# change only rebuilds the small app/ layers (the Quarkus fast-jar split: lib, runner, app).
COPY --from=build /opt/djl-cache /opt/djl-cache
COPY --from=build /src/target/quarkus-app/lib/ /app/quarkus-app/lib/
COPY --from=build /src/target/quarkus-app/*.jar /app/quarkus-app/
COPY --from=build /src/target/quarkus-app/app/ /app/quarkus-app/app/
COPY --from=build /src/target/quarkus-app/quarkus/ /app/quarkus-app/quarkus/
COPY --from=build /src/models/ /app/models/

# GDWCT_MODELS_DIR: the baked models (gdwct.models.dir).
# DJL_CACHE_DIR: the natives extracted above; DJL finds them and writes nothing.
# DJL_OFFLINE (+ -Dai.djl.offline=true below): never try publish.djl.ai; fail fast instead.
# OPENCV_IO_MAX_IMAGE_PIXELS: read by OpenCV's native code when it loads, so it has to be in the
#   process environment; the same value as gdwct.limits.max-pixels (decompression-bomb guard).
# ONEDNN_MAX_CPU_ISA: libtorch's oneDNN computes some float32 convolutions wrongly above SSE4.1 on
#   some AVX-512 CPUs (docs/implementation-notes.md); read at load time. Where the start-up check
#   (io.gdwct.core.ConvolutionCheck) passes without it, -e ONEDNN_MAX_CPU_ISA=ALL is faster.
ENV GDWCT_MODELS_DIR=/app/models \
    DJL_CACHE_DIR=/opt/djl-cache \
    DJL_OFFLINE=true \
    OPENCV_IO_MAX_IMAGE_PIXELS=40000000 \
    ONEDNN_MAX_CPU_ISA=SSE41

USER 10001:10001
WORKDIR /app
EXPOSE 8080

# Liveness only: readiness (/q/health/ready) stays DOWN during model load and warm-up, which the
# start period covers. Kubernetes ignores HEALTHCHECK and uses the probes in k8s/ instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=5m --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/q/health/live || exit 1

# The heap stays small: libtorch allocates natively, outside it, within the same memory limit.
# Extra JVM flags (e.g. -Dai.djl.pytorch.num_threads=2) go in JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=25", "-XX:+ExitOnOutOfMemoryError", "-Dai.djl.offline=true", "-jar", "/app/quarkus-app/quarkus-run.jar"]
CMD ["serve"]
