"""The learned triage model is trained once and kept in the data directory; scoring never needs scikit-learn.

A start with a cache reads it instead of training (seconds, and scikit-learn's memory); changed training data
or libraries train again; a broken cache file is trained again, never a crash.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot import model_cache, triage_model
from bot.triage import _rules_level
from bot.triage_model import Scorer, grams

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def small() -> tuple[Any, Scorer]:
    """A pipeline fitted on the example files alone (quicker than the whole model) and its scorer."""
    pipeline = triage_model.train(triage_model.read_examples())
    return pipeline, Scorer.from_pipeline(pipeline)


def test_the_plain_analyser_makes_the_same_grams_as_scikit_learn(small: tuple[Any, Scorer]) -> None:
    analyse = small[0].steps[0][1].build_analyzer()
    for text in ("har en plan og en dato nu", "  Sover   i en\topgang i nat!! ", "x", "", "ø", "ab", "abcd",
                 "Jeg vil ikke leve mere 😢", "HVOR ER DU?\nJeg er på broen", "co-op Kbh-værelse 3.500 kr."):
        assert grams(text) == analyse(text), text


def test_a_saved_scorer_scores_exactly_as_the_fitted_pipeline(small: tuple[Any, Scorer]) -> None:
    pipeline, scorer = small
    loaded = Scorer.from_payload(json.loads(json.dumps(scorer.to_payload())))
    for text in ("har en plan og en dato nu", "hvordan søger jeg boligstøtte", "sover i en opgang i nat", ""):
        expected = dict(zip(pipeline.classes_, pipeline.predict_proba([text])[0], strict=True))
        assert all(abs(loaded.probabilities(text)[k] - expected[k]) < 1e-9 for k in expected)


class Fits:
    """A fit function that counts its calls."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer, self.calls = scorer, 0

    def __call__(self) -> dict[str, Any]:
        self.calls += 1
        return self.scorer.to_payload()


def test_the_model_is_trained_once_and_again_only_when_its_data_changes(tmp_path: Path,
                                                                        small: tuple[Any, Scorer]) -> None:
    fit = Fits(small[1])
    first = model_cache.load_or_train(tmp_path, [b"examples v1"], fit, Scorer.from_payload)
    again = model_cache.load_or_train(tmp_path, [b"examples v1"], fit, Scorer.from_payload)
    assert fit.calls == 1 and again.probabilities("sover på gaden") == first.probabilities("sover på gaden")
    model_cache.load_or_train(tmp_path, [b"examples v2"], fit, Scorer.from_payload)
    assert fit.calls == 2
    model_cache.load_or_train(tmp_path, [b"examples v2"], fit, Scorer.from_payload)
    assert fit.calls == 2
    assert [p.name for p in tmp_path.iterdir()] == [model_cache.FILE_NAME]  # no temporary file left behind


@pytest.mark.parametrize("content", [
    b"", b"{", b"\xff\xfe garbage", b"[]", b'{"key": "x"}', b"null",
    "KEY", "WRONG SHAPE",
])
def test_a_broken_cache_file_is_trained_again_and_repaired(tmp_path: Path, small: tuple[Any, Scorer],
                                                           content: bytes | str) -> None:
    path = tmp_path / model_cache.FILE_NAME
    wanted = model_cache.key([b"rows"])
    if content == "KEY":  # the right key, half a model (cut off by a full disk, say)
        content = json.dumps({"key": wanted, "model": {"classes": ["none"], "intercepts": []}}).encode()
    elif content == "WRONG SHAPE":  # the right key, weights that do not fit the classes
        content = json.dumps({"key": wanted, "model": {"classes": ["a", "b"], "intercepts": [0, 0],
                                                       "columns": {"ab": [1.0, 0.5]}}}).encode()
    assert isinstance(content, bytes)
    path.write_bytes(content)
    fit = Fits(small[1])
    scorer = model_cache.load_or_train(tmp_path, [b"rows"], fit, Scorer.from_payload)
    assert fit.calls == 1 and scorer.classes == small[1].classes
    model_cache.load_or_train(tmp_path, [b"rows"], fit, Scorer.from_payload)
    assert fit.calls == 1  # repaired: the next start reads it


def test_a_write_that_fails_halfway_leaves_the_old_cache_whole(tmp_path: Path, small: tuple[Any, Scorer],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    fit = Fits(small[1])
    model_cache.load_or_train(tmp_path, [b"v1"], fit, Scorer.from_payload)
    before = (tmp_path / model_cache.FILE_NAME).read_bytes()

    def disk_full(descriptor: int) -> None:  # the new file is written but cannot be made durable
        raise OSError("disk full")

    monkeypatch.setattr(model_cache.os, "fsync", disk_full)
    scorer = model_cache.load_or_train(tmp_path, [b"v2"], fit, Scorer.from_payload)
    assert scorer.classes == small[1].classes  # the bot still starts
    assert (tmp_path / model_cache.FILE_NAME).read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [model_cache.FILE_NAME]


def test_a_data_directory_that_cannot_be_written_only_costs_training_again(tmp_path: Path,
                                                                           small: tuple[Any, Scorer]) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    scorer = model_cache.load_or_train(blocked / "data", [b"v1"], Fits(small[1]), Scorer.from_payload)
    assert scorer.classes == small[1].classes


def test_the_key_follows_the_knowledge_base_questions_and_the_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge.loader import BUNDLED_ROOT, load

    kb = load(BUNDLED_ROOT)
    before = model_cache.key(triage_model.training_sources(kb))
    assert model_cache.key(triage_model.training_sources(kb)) == before
    topic = kb.topics["boligstoette"]
    examples = topic.examples.model_copy(update={"da": (*topic.examples.da, "et helt nyt spørgsmål")})
    changed = dataclasses.replace(kb, topics={**kb.topics, topic.id: topic.model_copy(update={"examples": examples})})
    assert model_cache.key(triage_model.training_sources(changed)) != before
    monkeypatch.setattr(model_cache, "_version", lambda name: "99.0" if name == "scikit-learn" else "1")
    assert model_cache.key(triage_model.training_sources(kb)) != before


def test_a_start_with_a_cache_scores_without_importing_scikit_learn_or_numpy(tmp_path: Path) -> None:
    from knowledge.loader import BUNDLED_ROOT, load

    kb = load(BUNDLED_ROOT)
    scorer = triage_model.model(_rules_level, kb)  # trained once per test process
    model_cache.write(tmp_path / model_cache.FILE_NAME, model_cache.key(triage_model.training_sources(kb)),
                      scorer.to_payload())
    code = ("import sys; from pathlib import Path\n"
            "from bot.triage import triage, warm_up\n"
            "from knowledge.loader import load\n"
            f"warm_up(load(), Path({str(tmp_path)!r}))\n"
            "print(triage('jeg vil ikke leve mere, har en plan', 'da').urgency.value,"
            " 'sklearn' in sys.modules, 'numpy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    # numpy alone is 20 MB of the running bot's memory (issue 15).
    assert done.stdout.split() == ["emergency", "False", "False"]


def _reference_probabilities(payload: dict[str, Any], text: str) -> dict[str, float]:
    """The arithmetic as it was with a tuple of Python floats per n-gram: the compact scorer must match it bit for
    bit (a triage result may sit right at a threshold)."""
    import math
    from collections import Counter

    totals = [float(b) for b in payload["intercepts"]]
    dots, norm2 = [0.0] * len(totals), 0.0
    for gram, count in Counter(grams(text)).items():
        row = payload["columns"].get(gram)
        if row is None:
            continue
        value = (1 + math.log(count)) * row[0]
        norm2 += value * value
        for k, weight in enumerate(row[1:]):
            dots[k] += value * weight
    norm = math.sqrt(norm2) or 1.0
    scores = [b + d / norm for b, d in zip(totals, dots, strict=True)]
    exps = [math.exp(z - max(scores)) for z in scores]
    return {label: e / sum(exps) for label, e in zip(payload["classes"], exps, strict=True)}


def test_the_triage_model_keeps_its_numbers_in_one_array_and_scores_exactly_as_before(
        small: tuple[Any, Scorer]) -> None:
    # A tuple of Python floats per n-gram took about 4 MB more of the running bot's memory.
    from array import array

    payload = json.loads(json.dumps(small[1].to_payload()))
    gram = next(iter(payload["columns"]))
    own = "".join(list(gram))  # an equal string, another object (as the topic scorer's would be)
    assert own is not gram
    with triage_model.sharing_grams([own]):
        scorer = Scorer.from_payload(payload)
    assert isinstance(scorer.numbers, array) and scorer.numbers.typecode == "d"
    assert len(scorer.numbers) == len(payload["columns"]) * (1 + len(payload["classes"]))
    assert next(g for g in scorer.rows if g == gram) is own  # one string for both models
    assert scorer.to_payload() == payload
    for text in ("har en plan og en dato nu", "hvordan søger jeg boligstøtte", "sover i en opgang i nat", "", "x",
                 "Jeg orker ikke mere, alt er sort 😢 og jeg ved ikke hvad jeg skal gøre af mig selv"):
        assert scorer.probabilities(text) == _reference_probabilities(payload, text), text
