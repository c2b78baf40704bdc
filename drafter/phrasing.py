"""How counts read in 公文 Chinese: the verb a count noun takes, and which facts are worth asking.

The verb table itself is data (`verbs:` in outlines/authored/topics.yaml); this module only
applies it, for composition (召开支委会8次) and for the wizard (which learned facts to ask).
"""

from __future__ import annotations

from drafter.outline import Fact

# Keys that already open with a verb of their own take no extra one.
_OWN_VERBS = ("研究", "发展", "吸收", "完成", "发放", "走访")


def verb_for(key: str, verbs: dict[str, list[str]]) -> str:
    """The verb a count noun takes in a sentence (支委会 → 召开), "" when it has one already.

    The longest matching ending decides, so 心得体会 goes with 撰写 (体会), not 召开 (会).
    """
    if key.startswith(tuple(verbs)) or key.startswith(_OWN_VERBS):
        return ""
    matches = [(len(e), verb) for verb, endings in verbs.items() for e in endings if key.endswith(e)]
    return max(matches)[1] if matches else ""


def is_activity(key: str, verbs: dict[str, list[str]]) -> bool:
    """Whether a fact key names a Party-work activity the verb table knows (学习, 党课, 支委会…)."""
    return any(key.endswith(tuple(endings)) or key.startswith(verb) for verb, endings in verbs.items())


def rank_facts(facts: list[Fact], verbs: dict[str, list[str]], limit: int | None) -> list[Fact]:
    """The facts worth a question: known activities first, then the most widely reported.

    Learned facts include incidental counts (慰问金, 驾驶员); asking all of them would bury
    the few every report states. The order within a rank stays the learned order.
    """
    ranked = sorted(facts, key=lambda f: (not is_activity(f.key, verbs), -len(f.sources)))
    return ranked[:limit] if limit else ranked
