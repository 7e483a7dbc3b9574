#!/usr/bin/env bash
# Starts and stops the real services Rampart's tests use (see ../shared/ENVIRONMENT.md).
# Sourced by .ci/run; also usable by hand: `source .ci/services.sh && start_all`.
# Every start records a PID under $RAMPART_SERVICES_DIR; stop_all stops exactly those.

RAMPART_SERVICES_DIR=${RAMPART_SERVICES_DIR:-/tmp/rampart-services}
STARTED_SERVICES=()   # only what this shell started is stopped by stop_all
APT_PACKAGES=(docker.io docker-registry skopeo umoci mmdebstrap bpftrace postgresql nats-server iproute2 apache2-utils zstd ca-certificates openssl)

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "ci: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

wait_for() { # wait_for SECONDS CMD...
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then echo "ci: timed out waiting for: $*" >&2; return 1; fi
    sleep 0.25
  done
}

start_dockerd() {
  mkdir -p "$RAMPART_SERVICES_DIR"
  if docker info >/dev/null 2>&1; then echo "ci: dockerd already running"; return 0; fi
  setsid dockerd >"$RAMPART_SERVICES_DIR/dockerd.log" 2>&1 </dev/null &
  echo $! >"$RAMPART_SERVICES_DIR/dockerd.pid"; STARTED_SERVICES+=(dockerd)
  wait_for 60 docker info || { tail -20 "$RAMPART_SERVICES_DIR/dockerd.log"; return 1; }
  echo "ci: dockerd ready"
}

start_registry() {
  mkdir -p "$RAMPART_SERVICES_DIR/registry-data"
  if curl -sf http://127.0.0.1:5000/v2/ >/dev/null 2>&1; then echo "ci: registry already running"; return 0; fi
  cat >"$RAMPART_SERVICES_DIR/registry.yml" <<YML
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $RAMPART_SERVICES_DIR/registry-data }, delete: { enabled: true } }
http: { addr: 127.0.0.1:5000 }
YML
  setsid docker-registry serve "$RAMPART_SERVICES_DIR/registry.yml" >"$RAMPART_SERVICES_DIR/registry.log" 2>&1 </dev/null &
  echo $! >"$RAMPART_SERVICES_DIR/registry.pid"; STARTED_SERVICES+=(registry)
  wait_for 30 curl -sf http://127.0.0.1:5000/v2/
  echo "ci: registry ready on 127.0.0.1:5000"
}

start_postgres() {
  local data="$RAMPART_SERVICES_DIR/pgdata" bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"; chown postgres:postgres "$data"
    su postgres -c "$bin/initdb -D $data -A trust -U postgres" >/dev/null
  fi
  if ! su postgres -c "$bin/pg_ctl -D $data status" >/dev/null 2>&1; then
    su postgres -c "$bin/pg_ctl -D $data -l $data/postgres.log -o '-p 55432 -k /tmp -c listen_addresses=127.0.0.1' -w start" >/dev/null
    STARTED_SERVICES+=(postgres)
  fi
  head -1 "$data/postmaster.pid" >"$RAMPART_SERVICES_DIR/postgres.pid"
  psql -h 127.0.0.1 -p 55432 -U postgres -tAc "select 1 from pg_database where datname='rampart_test'" | grep -q 1 ||
    psql -h 127.0.0.1 -p 55432 -U postgres -qc "create database rampart_test" >/dev/null
  echo "ci: postgres ready on 127.0.0.1:55432"
}

start_nats() {
  if [ -f "$RAMPART_SERVICES_DIR/nats.pid" ] && kill -0 "$(cat "$RAMPART_SERVICES_DIR/nats.pid")" 2>/dev/null; then return 0; fi
  mkdir -p "$RAMPART_SERVICES_DIR/nats"
  setsid nats-server -js -a 127.0.0.1 -p 54222 -sd "$RAMPART_SERVICES_DIR/nats" >"$RAMPART_SERVICES_DIR/nats.log" 2>&1 </dev/null &
  echo $! >"$RAMPART_SERVICES_DIR/nats.pid"; STARTED_SERVICES+=(nats)
  echo "ci: nats-server (JetStream) on 127.0.0.1:54222"
}

# Exported for the tests: a test that needs a service reads its variable, and under CI=true a
# missing variable fails the test instead of skipping it.
export_service_env() {
  export RAMPART_TEST_DOCKER=unix:///var/run/docker.sock
  export RAMPART_TEST_REGISTRY=127.0.0.1:5000
  export RAMPART_TEST_PG_URL=postgres://postgres@127.0.0.1:55432/rampart_test
  export RAMPART_TEST_NATS_URL=nats://127.0.0.1:54222
  export RAMPART_TEST_BPFTRACE=$(command -v bpftrace)
}

start_all() {
  start_dockerd
  start_registry
  start_postgres
  start_nats
  export_service_env
}

stop_all() {
  local name pid
  for name in "${STARTED_SERVICES[@]}"; do
    [ "$name" = postgres ] && continue
    if [ -f "$RAMPART_SERVICES_DIR/$name.pid" ]; then
      pid=$(cat "$RAMPART_SERVICES_DIR/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      rm -f "$RAMPART_SERVICES_DIR/$name.pid"
    fi
  done
  if [[ " ${STARTED_SERVICES[*]} " == *" postgres "* ]]; then
    su postgres -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D $RAMPART_SERVICES_DIR/pgdata -m fast stop" >/dev/null 2>&1 || true
    rm -f "$RAMPART_SERVICES_DIR/postgres.pid"
  fi
}
