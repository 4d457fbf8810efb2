"""The CI recipes of docs/ci.md, run for real: the pre-commit hook (.pre-commit-hooks.yaml,
through `pre-commit try-repo`) on a site's repository, and the GitLab code-quality report
made from `disclose check --format json`."""
import json
import os
import pathlib
import shutil
import subprocess

import jsonschema
import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("DISCLOSE_BINARY", str(REPO / ".build/debug/disclose")))


def run(arguments, cwd, env=None):
    return subprocess.run(arguments, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture()
def site_repository(tmp_path):
    """A site's own git repository: a copy of the sample's content and types, staged."""
    root = tmp_path / "明湖区信息公开"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "types", root / "types")
    env = dict(os.environ, GIT_AUTHOR_NAME="网站管理员", GIT_AUTHOR_EMAIL="xxgk@example.gov.cn",
               GIT_COMMITTER_NAME="网站管理员", GIT_COMMITTER_EMAIL="xxgk@example.gov.cn",
               PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
               # The hook runs the 'disclose' on PATH, as it would the installed package's.
               PATH=f"{BINARY.parent}{os.pathsep}{os.environ['PATH']}")
    # The hook speaks the language a site's repository gets by default, whatever the shell running the suite asks.
    env.pop("DISCLOSE_LANG", None)
    assert run(["git", "init", "-q"], root, env).returncode == 0
    assert run(["git", "add", "-A"], root, env).returncode == 0
    # The hooks as this work tree has them, committed in a repository of their own:
    # try-repo reads a repository's committed files.
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    shutil.copy(REPO / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml")
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "hooks"]):
        assert run(command, hooks, env).returncode == 0
    env["DISCLOSE_HOOKS_REPO"] = str(hooks)
    return root, env


def try_repo(root, env):
    """`pre-commit try-repo` of this repository's hooks on the staged files of `root`."""
    return run(["python3", "-m", "pre_commit", "try-repo", env["DISCLOSE_HOOKS_REPO"], "disclose-check", "--verbose"], root, env)


def test_a_good_commit_passes_the_hook(site_repository):
    root, env = site_repository
    result = try_repo(root, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "disclose check" in result.stdout and "Passed" in result.stdout, result.stdout


def test_a_record_with_a_missing_field_fails_the_hook_at_its_line_and_column(site_repository):
    root, env = site_repository
    record = root / "content/policies/mhf-2024-3.md"
    text = record.read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not line.startswith("publisher:")]
    assert len(lines) == text.count("\n")  # one line fewer: the record had its publisher
    record.write_text("\n".join(lines), encoding="utf-8")
    assert run(["git", "add", "-A"], root, env).returncode == 0
    result = try_repo(root, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    # The hook runs 'disclose check' in the default language, Chinese: the line a
    # webmaster reads in the terminal, with the file:line:column an editor jumps to.
    assert ("content/policies/mhf-2024-3.md:1:1: 错误：[record.required] 缺少必填字段 'publisher'（发布机构）"
            in result.stdout), result.stdout
    assert ": error: [" not in result.stdout, result.stdout


def test_a_commit_outside_the_site_files_runs_the_hook_and_passes(site_repository):
    root, env = site_repository
    assert run(["git", "commit", "-q", "-m", "站点"], root, env).returncode == 0
    (root / "说明.txt").write_text("备忘\n", encoding="utf-8")
    assert run(["git", "add", "说明.txt"], root, env).returncode == 0
    result = try_repo(root, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout, result.stdout


def test_a_commit_that_only_deletes_a_referenced_record_fails_the_hook(site_repository):
    # pre-commit passes no file names for a deletion: a hook that ran only on matching
    # files would be skipped, and the interpretation's reference left dangling.
    root, env = site_repository
    assert run(["git", "commit", "-q", "-m", "站点"], root, env).returncode == 0
    assert run(["git", "rm", "-q", "content/policies/mhf-2024-3.md"], root, env).returncode == 0
    result = try_repo(root, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout, result.stdout
    assert "content/interpretations/jd-mhf-2024-3.md:13:" in result.stdout, result.stdout


# GitLab's code-quality report: the keys GitLab reads (its documentation's "Code Quality
# report format"): a JSON array of issues with description, check_name, fingerprint,
# severity, location.path and location.lines.begin.
GITLAB_CODE_QUALITY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "type": {"const": "issue"},
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "categories": {"type": "array", "items": {"type": "string"}},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_the_gitlab_converter_emits_a_valid_code_quality_report(tmp_path):
    root = tmp_path / "site"
    assert run([str(BINARY), "init", str(root)], tmp_path).returncode == 0
    (root / "content/policies/bad.md").write_text(
        "---\ntitle: 明湖区关于规范政府信息公开工作的通知\ndisclosure: proactive\n---\n\n正文\n", encoding="utf-8")
    check = run([str(BINARY), "check", "--root", str(root), "--format", "json"], tmp_path)
    assert check.returncode == 1
    diagnostics = json.loads(check.stdout)
    report = run(["python3", str(REPO / "scripts/gitlab-code-quality.py")], tmp_path)
    converted = subprocess.run(["python3", str(REPO / "scripts/gitlab-code-quality.py")], input=check.stdout,
                               capture_output=True, text=True, check=True)
    issues = json.loads(converted.stdout)
    jsonschema.Draft202012Validator(GITLAB_CODE_QUALITY).validate(issues)
    assert len(issues) == len(diagnostics) > 0
    errors = [i for i in issues if i["severity"] == "major"]
    assert {i["check_name"] for i in errors} >= {"record.required"}
    assert any(i["location"] == {"path": "content/policies/bad.md", "lines": {"begin": 1}} for i in errors)
    warnings = [i for i in issues if i["severity"] == "minor"]
    assert {i["check_name"] for i in warnings} == {"content.to_fill"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert report.returncode == 0 and json.loads(report.stdout) == []  # no input: no issue
    # Not disclose's output: a clear failure, not a report.
    wrong = subprocess.run(["python3", str(REPO / "scripts/gitlab-code-quality.py")], input="{}", capture_output=True, text=True)
    assert wrong.returncode != 0 and "JSON array" in wrong.stderr
