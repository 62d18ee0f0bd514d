# Shared by the container scripts (sourced, not run).
# On hosts with a hybrid cgroup layout (v1 controllers and a v2 mount at /sys/fs/cgroup/unified), crun
# refuses to create containers; a private mount namespace without that mount lets podman build and run
# them, with --cgroups=disabled. ensure_namespace re-runs the calling script there once.
ensure_namespace() {
  if [ -z "${BELLYFED_PODMAN_NS:-}" ] && mountpoint -q /sys/fs/cgroup/unified 2>/dev/null; then
    export BELLYFED_PODMAN_NS=1
    exec unshare -m --propagation private sh -c 'umount /sys/fs/cgroup/unified && exec "$0" "$@"' "$0" "$@"
  fi
}
# Host networking: the services reach local-aws, and tokens name the issuer, at the same localhost address
# from the host and from every container (decision 51). The ulimits stay below the host's, which podman
# cannot raise without cgroups.
PODMAN_RUN_FLAGS=(--cgroups=disabled --network host --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)

now_ms() { date +%s%3N; }
# The JDK 25 the images are built with and from (JAVA25_HOME, else the machine's Temurin 25); empty when none.
java25_home() { printf '%s' "${JAVA25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}"; }
# Waits for a 200 at $1, up to 180 s; prints the milliseconds since $2 (a now_ms). Fails, saying so, after 180 s.
wait_ready() {
  local url=$1 started=$2 deadline=$(( $(date +%s) + 180 ))
  until curl -sf -o /dev/null "$url"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "not ready in 180 s: $url" >&2; return 1; }
    sleep 0.05
  done
  echo $(( $(now_ms) - started ))
}
