"""The whole search index put back together from a built site's shards, for the engine the
shards replaced (search_whole_index.js), which the parity checks run beside the new one.
The build writes only the shards (search-index/); this joins their documents (d-K.js, in
id order) and their terms (the "t" part of every t-K.js; the one-character unions "u"
are the sharded engine's own and are left out, since the old engine computed them itself).
"""
import json
import pathlib
import re

SHARD = re.compile(r'\ADISCLOSE_SEARCH_SHARD\("([dt]-\d+)",(.*)\);\n\Z', re.S)


def shard_data(path):
    text = path.read_text(encoding="utf-8")
    body = text.split("\n", 1)[1]  # after the comment line
    match = SHARD.match(body)
    assert match and match.group(1) == path.stem, path
    return json.loads(match.group(2))


def write_whole_index(site, destination):
    """Writes site's index as the one script search_whole_index.js loads:
    window.DISCLOSE_SEARCH = {docs: [...], terms: {...}}."""
    folder = pathlib.Path(site) / "search-index"
    docs, terms = [], {}
    for path in sorted(folder.glob("d-*.js"), key=lambda p: int(p.stem[2:])):
        docs += shard_data(path)
    for path in folder.glob("t-*.js"):
        for term, postings in shard_data(path)["t"].items():
            assert term not in terms, term
            terms[term] = postings
    ordered = {t: terms[t] for t in sorted(terms, key=lambda t: t.encode("utf-8"))}
    script = "window.DISCLOSE_SEARCH=" + json.dumps({"docs": docs, "terms": ordered}, ensure_ascii=False) + ";\n"
    pathlib.Path(destination).write_text(script, encoding="utf-8")
