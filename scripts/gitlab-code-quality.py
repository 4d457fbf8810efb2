#!/usr/bin/env python3
"""GitLab code-quality report from disclose's diagnostics (docs/ci.md).

Reads the JSON array `disclose check --format json` (or build, audit) prints on standard
input and writes GitLab's code-quality report (a JSON array of Code Climate issues) on
standard output, so a merge request shows each finding at its file and line:

    disclose check --format json | python3 gitlab-code-quality.py > gl-code-quality-report.json

Errors are 'major', warnings 'minor'. The fingerprint is a digest of the rule, the file,
the field and the message (not the line), so a finding keeps its identity when lines move
above it and GitLab can tell new findings from old ones.
"""
import hashlib
import json
import sys

SEVERITY = {"error": "major", "warning": "minor"}


def issue(diagnostic):
    identity = "\0".join(str(diagnostic.get(key) or "") for key in ("rule", "file", "field", "message"))
    return {
        "type": "issue",
        "check_name": diagnostic["rule"],
        "description": f"[{diagnostic['rule']}] {diagnostic['message']}",
        "categories": ["Bug Risk"] if diagnostic["severity"] == "error" else ["Style"],
        "severity": SEVERITY.get(diagnostic["severity"], "info"),
        "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
        "location": {
            "path": diagnostic["file"],
            "lines": {"begin": max(1, int(diagnostic["line"]))},
        },
    }


def main():
    text = sys.stdin.read()
    try:
        diagnostics = json.loads(text) if text.strip() else []
    except json.JSONDecodeError as error:
        sys.exit(f"gitlab-code-quality: standard input is not disclose's --format json output: {error}")
    if not isinstance(diagnostics, list):
        sys.exit("gitlab-code-quality: standard input is not a JSON array of diagnostics")
    json.dump([issue(d) for d in diagnostics], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
