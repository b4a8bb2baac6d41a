#!/usr/bin/env python3
"""Reads Jobtausch's /metrics page as Prometheus would, with the official client's parser of the
OpenMetrics text format (Prometheus' text exposition format, as Jobtausch writes it).

    scripts/check_metrics.py < METRICS.txt

Fails (exit 1) unless prometheus_client's OpenMetrics parser reads the whole page (which must
end with `# EOF`). On success prints
the families as JSON for the tests to assert on:
  {"FAMILY": {"type": ..., "help": ..., "samples": [{"name", "labels", "value"}]}}

Needs prometheus-client==0.26.0 (scripts/requirements-test.txt).
"""

import json
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families


def main() -> int:
    text = sys.stdin.read()
    try:
        families = {
            f.name: {
                "type": f.type,
                "help": f.documentation,
                "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples],
            }
            for f in text_string_to_metric_families(text)
        }
    except Exception as e:  # the parser raises ValueError and others on a malformed page
        print(f"not a valid OpenMetrics page: {e}", file=sys.stderr)
        return 1
    print(json.dumps(families))
    return 0


if __name__ == "__main__":
    sys.exit(main())
