#!/usr/bin/env python3
"""Checks the project's own rules for the Containerfile (hadolint checks the general ones), and
prints the final stage's settings as JSON for scripts/container-check.sh to run it by.

Rules: at least two stages; every base image pinned by a tag other than `latest` (or a digest);
the final stage runs as a user other than root, has a HEALTHCHECK that asks /healthz, copies
nothing but the binary from the build stage (no ADD, no copy from the build context), starts
the binary, keeps its data on a VOLUME, and EXPOSEs the port that JOBTAUSCH_BIND names; the
build context is an allow-list (.dockerignore starts with `*`), so target/ and node_modules stay
out.

Usage: check_containerfile.py CONTAINERFILE   (exit 1 and one line per broken rule)
"""

import json
import re
import shlex
import sys
from pathlib import Path

BINARY = "/usr/local/bin/jobtausch"


def instructions(text):
    """(keyword, argument) per instruction: continuation lines joined, comments dropped."""
    result, current = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or (not stripped and not current):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        keyword, _, argument = current.strip().partition(" ")
        result.append((keyword.upper(), argument.strip()))
        current = ""
    return result


def env_pairs(argument):
    words = shlex.split(argument)
    if words and "=" not in words[0]:  # the old form `ENV KEY value`
        return {words[0]: " ".join(words[1:])}
    return dict(word.split("=", 1) for word in words)


def main():
    path = Path(sys.argv[1])
    stages, problems = [], []
    for keyword, argument in instructions(path.read_text()):
        if keyword == "FROM":
            words = argument.split()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append({"image": words[0], "name": name, "steps": []})
        elif not stages:
            if keyword != "ARG":
                problems.append(f"{keyword} before the first FROM")
        else:
            stages[-1]["steps"].append((keyword, argument))

    if len(stages) < 2:
        problems.append("not multi-stage: the final image must not hold the build tools")
    names = {s["name"] for s in stages if s["name"]}
    for stage in stages:
        image = stage["image"]
        if image in names:
            continue
        tag = image.rsplit("/", 1)[-1]
        if "@sha256:" not in image and (":" not in tag or tag.endswith(":latest")):
            problems.append(f"base image {image} is not pinned by a tag")

    final = stages[-1] if stages else {"steps": []}
    steps = final["steps"]

    def last(keyword):
        found = [a for k, a in steps if k == keyword]
        return found[-1] if found else None

    env = {}
    for keyword, argument in steps:
        if keyword == "ENV":
            env.update(env_pairs(argument))

    user = last("USER")
    if user is None:
        problems.append("the final stage has no USER: it would run as root")
    elif user.split(":")[0] in ("root", "0"):
        problems.append(f"the final stage runs as root (USER {user})")

    healthcheck = last("HEALTHCHECK")
    health_cmd, health_options = None, {}
    if healthcheck is None:
        problems.append("the final stage has no HEALTHCHECK")
    else:
        match = re.match(r"((?:--\S+\s+)*)CMD\s+(.*)$", healthcheck, re.S)
        if not match:
            problems.append("HEALTHCHECK is not of the form [OPTIONS] CMD [...]")
        else:
            for option in match.group(1).split():
                key, _, value = option[2:].partition("=")
                health_options[key] = value
            try:
                health_cmd = json.loads(match.group(2))
            except json.JSONDecodeError:
                problems.append("HEALTHCHECK CMD is not in exec (JSON) form")
            if "/healthz" not in match.group(2):
                problems.append("HEALTHCHECK does not ask /healthz")

    copies = [(k, a) for k, a in steps if k in ("COPY", "ADD")]
    if any(k == "ADD" for k, _ in copies):
        problems.append("the final stage uses ADD: copy the binary with COPY --from")
    binary_copies = []
    for keyword, argument in copies:
        words = argument.split()
        flags = [w for w in words if w.startswith("--")]
        paths = [w for w in words if not w.startswith("--")]
        if not any(f.startswith("--from=") for f in flags):
            problems.append(f"the final stage copies from the build context: {keyword} {argument}")
        elif len(paths) != 2 or paths[1] != BINARY or paths[0].endswith("/"):
            problems.append(f"the final stage copies more than the binary: {keyword} {argument}")
        else:
            binary_copies.append(argument)
    if len(binary_copies) != 1:
        problems.append(f"the final stage must copy the binary to {BINARY} exactly once")

    entrypoint = last("ENTRYPOINT")
    cmd = last("CMD")
    try:
        entrypoint = json.loads(entrypoint) if entrypoint else []
        cmd = json.loads(cmd) if cmd else []
    except json.JSONDecodeError:
        problems.append("ENTRYPOINT and CMD must be in exec (JSON) form")
        entrypoint, cmd = [], []
    if entrypoint[:1] != [BINARY]:
        problems.append(f"ENTRYPOINT does not start {BINARY}")

    volumes = []
    for keyword, argument in steps:
        if keyword == "VOLUME":
            volumes += json.loads(argument) if argument.startswith("[") else argument.split()
    if not volumes:
        problems.append("the final stage has no VOLUME for its data")
    database = env.get("JOBTAUSCH_DATABASE_URL", "")
    if database.startswith("sqlite://"):
        file = database[len("sqlite://"):]
        if not any(file.startswith(v.rstrip("/") + "/") for v in volumes):
            problems.append(f"the SQLite file {file} is not on a VOLUME")

    port = env.get("JOBTAUSCH_BIND", "").rsplit(":", 1)[-1]
    exposed = [p.split("/")[0] for k, a in steps if k == "EXPOSE" for p in a.split()]
    if not port or port not in exposed:
        problems.append(f"JOBTAUSCH_BIND's port ({port or 'unset'}) is not EXPOSEd ({exposed})")

    ignore = path.parent / ".dockerignore"
    rules = [line.strip() for line in ignore.read_text().splitlines()] if ignore.exists() else []
    rules = [r for r in rules if r and not r.startswith("#")]
    if rules[:1] != ["*"]:
        problems.append(".dockerignore does not start with `*` (an allow-list of the build context)")

    # The Debian packages the final stage installs: the binary's run-time libraries come from
    # these or from the base image.
    packages = []
    for keyword, argument in steps:
        if keyword == "RUN":
            for command in re.split(r"&&|;", argument):
                words = command.split()
                if words[:2] == ["apt-get", "install"]:
                    packages += [w for w in words[2:] if not w.startswith("-")]

    for problem in problems:
        print(f"Containerfile: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(json.dumps({
        "stages": [s["name"] or s["image"] for s in stages],
        "bases": [s["image"] for s in stages if s["image"] not in names],
        "user": user,
        "env": env,
        "workdir": last("WORKDIR"),
        "volumes": volumes,
        "expose": exposed,
        "healthcheck": {"cmd": health_cmd, "options": health_options},
        "stopsignal": last("STOPSIGNAL") or "SIGTERM",
        "entrypoint": entrypoint,
        "cmd": cmd,
        "packages": packages,
    }))


if __name__ == "__main__":
    main()
